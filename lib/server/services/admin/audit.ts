import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

export type AdminAction =
  | "admin.report_dismissed"
  | "admin.content_removed"
  | "admin.member_suspended"
  | "admin.member_unsuspended"
  | "admin.settings_updated"
  | "admin.role_granted";

export type AdminAuditEntry = {
  /** null when granted by the environment or the command line, not by a person in the app */
  actorId: string | null;
  action: AdminAction;
  subjectType: "report" | "member" | "post" | "comment" | "kudos" | "logged_interaction" | "app_settings";
  subjectId: string;
  data?: Record<string, unknown>;
  at: Date;
};

/** Appends one admin action to the audit trail, in the caller's transaction. */
export async function recordAdminAudit(tx: Tx, e: AdminAuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      data: (e.data ?? {}) as object,
      createdAt: e.at,
    },
  });
}

/**
 * Every admin service checks its actor again, inside its transaction: an action or API route
 * that forgot requireAdmin() still cannot act, and a member demoted or suspended a moment ago
 * cannot either. Admin features do not exist for anyone else, hence "not found".
 */
export async function assertAdmin(tx: Tx, actorId: string, now: Date): Promise<{ id: string; handle: string }> {
  const m = await tx.member.findUnique({
    where: { id: actorId },
    select: { id: true, handle: true, role: true, suspendedAt: true, suspendedUntil: true },
  });
  const suspended = m?.suspendedAt && (!m.suspendedUntil || m.suspendedUntil > now);
  if (!m || m.role !== "admin" || suspended) throw new AppError("not_found", "That page could not be found.");
  return { id: m.id, handle: m.handle };
}
