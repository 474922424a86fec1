import "server-only";
import type { Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

export type FactorKind = "passkey" | "totp" | "recovery_code";

/**
 * Records a refused second-factor attempt (a replayed, forged or stale response, a reused or
 * wrong code) in the audit trail. Written on its own, outside the refused work, so the
 * refusal stays recorded.
 */
export async function auditRefusal(
  db: Tx,
  { memberId, factor, reason, subjectId, now, detail }: { memberId: string | null; factor: FactorKind; reason: string; subjectId?: string; now: Date; detail?: string },
): Promise<void> {
  await recordAudit(db, {
    actorId: memberId,
    action: "factor.refused",
    subjectType: factor === "passkey" && subjectId ? "passkey" : "member",
    subjectId: (subjectId ?? memberId ?? "unknown").slice(0, 200),
    data: { factor, reason, ...(detail ? { detail: detail.slice(0, 300) } : {}) },
    at: now,
  });
}
