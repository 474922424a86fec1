import "server-only";
import type { Tx } from "@/lib/server/db";

export type AuditAction =
  | "request.sent"
  | "request.accepted"
  | "request.declined"
  | "request.withdrawn"
  | "request.expired"
  | "connection.removed"
  | "member.blocked"
  | "member.unblocked";

export type AuditEntry = {
  /** null for the system (expiry) */
  actorId: string | null;
  action: AuditAction;
  subjectType: "connection_request" | "connection" | "member";
  subjectId: string;
  data?: Record<string, unknown>;
  at: Date;
};

/**
 * Appends to the audit trail in the caller's transaction. Rows carry ids, not foreign keys,
 * so the trail outlives the request or connection it describes.
 */
export async function recordAudit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.auditEvent.createMany({
    data: list.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      data: (e.data ?? {}) as object,
      createdAt: e.at,
    })),
  });
}
