import "server-only";
import type { Tx } from "@/lib/server/db";

/** Everything the audit trail records: members' own actions, the system's, and admins'. */
export const AUDIT_ACTIONS = [
  "account.created",
  "account.sessions_ended",
  "account.password_changed",
  "account.password_set",
  "account.deletion_requested",
  "account.deletion_cancelled",
  "account.erased",
  "account.password_reset",
  "account.email_verified",
  "account.email_changed",
  "account.signin_link",
  "account.signin_throttled",
  "policy.updated",
  "token.created",
  "token.revoked",
  "token.expired_used",
  "request.sent",
  "request.accepted",
  "request.declined",
  "request.withdrawn",
  "request.expired",
  "connection.removed",
  "member.blocked",
  "member.unblocked",
  "admin.report_dismissed",
  "admin.content_removed",
  "admin.member_suspended",
  "admin.member_unsuspended",
  "admin.settings_updated",
  "admin.role_granted",
  "factor.passkey_added",
  "factor.passkey_removed",
  "factor.totp_enabled",
  "factor.totp_removed",
  "factor.recovery_codes_generated",
  "factor.recovery_code_used",
  /** a replayed, forged or stale WebAuthn response, a reused or wrong code: data.factor, data.reason */
  "factor.refused",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditSubjectType =
  | "member"
  | "connection_request"
  | "connection"
  | "api_token"
  | "report"
  | "post"
  | "comment"
  | "kudos"
  | "logged_interaction"
  | "app_settings"
  | "passkey"
  /** refused second-factor attempts that name no member we know: bucketed by client address (factors/refuse.ts) */
  | "client_address";

export type AuditEntry = {
  /** null for the system (expiry), or for a role granted by the environment or the command line */
  actorId: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string;
  data?: Record<string, unknown>;
  at: Date;
};

/**
 * The one writer of the audit trail: appends in the caller's transaction. Rows carry ids, not
 * foreign keys, so the trail outlives the request, connection or content it describes.
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
