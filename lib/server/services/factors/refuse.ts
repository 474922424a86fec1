import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockThrottleKey } from "@/lib/server/services/accounts/throttle";

export type FactorKind = "passkey" | "totp" | "recovery_code";

/** The reasons a row lists, oldest first: enough to see what was tried; `count` has the total. */
const REASONS_KEPT = 20;

/** Refusals of one member (or, when no member is known, one client address) share one audit row per window. */
export const REFUSAL_AUDIT_WINDOW_MINUTES = 15;

/**
 * Records a refused second-factor attempt (a replayed, forged or stale response, a reused or
 * wrong code) in the audit trail — bounded: the first refusal in a window writes a row, later
 * ones for the same member (or the same address, when the response names no member we know)
 * add to its `count`, `lastAt` and `reasons` (the first 20) and keep the latest factor, reason
 * and detail. Someone
 * sending forged responses all day writes one row per window, not one per request. Call it
 * in a transaction of its own (or the refused work's, when that commits anyway), so the
 * refusal stays recorded; the advisory lock makes concurrent refusals add to one row.
 */
export async function auditRefusal(
  tx: Tx,
  { memberId, ip, factor, reason, credentialId, now, detail }: { memberId: string | null; ip?: string; factor: FactorKind; reason: string; credentialId?: string; now: Date; detail?: string },
): Promise<void> {
  const subjectType = memberId ? "member" : "client_address";
  const subjectId = (memberId ?? ip ?? "unknown").slice(0, 200);
  const latest = {
    factor,
    reason,
    ...(credentialId ? { credential: credentialId.slice(0, 200) } : {}),
    ...(detail ? { detail: detail.slice(0, 300) } : {}),
  };
  await lockThrottleKey(tx, "audit:factor.refused", `${subjectType}:${subjectId}`);
  const open = await tx.auditEvent.findFirst({
    where: { action: "factor.refused", subjectType, subjectId, createdAt: { gt: new Date(now.getTime() - REFUSAL_AUDIT_WINDOW_MINUTES * 60_000) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, data: true },
  });
  if (open) {
    const prior = open.data as { count?: unknown; reasons?: unknown };
    const count = Number(prior.count) || 1;
    const reasons = (Array.isArray(prior.reasons) ? prior.reasons.map(String) : []).concat(reason).slice(0, REASONS_KEPT);
    await tx.auditEvent.update({ where: { id: open.id }, data: { data: { ...latest, count: count + 1, reasons, lastAt: now.toISOString() } as Prisma.InputJsonObject } });
    return;
  }
  await recordAudit(tx, { actorId: memberId, action: "factor.refused", subjectType, subjectId, data: { ...latest, count: 1, reasons: [reason], lastAt: now.toISOString() }, at: now });
}
