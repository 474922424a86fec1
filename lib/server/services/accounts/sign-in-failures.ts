import "server-only";
import type { Db } from "@/lib/db/create-client";
import { signInFailuresMessage } from "@/lib/email/messages";
import { absoluteUrl } from "@/lib/server/email/config";
import { queueEmail } from "@/lib/server/email/outbox";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { lockThrottleKey, recordAttempt } from "./throttle";

/**
 * Tells the owner when wrong passwords have closed their account's password path: once per
 * throttling episode (at most once per window), through the email outbox, in one transaction
 * under an advisory lock on the account, so parallel failures send one email between them.
 * Called after a failed password check for an existing account; does nothing below the limit.
 */
export async function notifyRepeatedFailures(
  db: Db,
  { memberId, email, max, windowMinutes, now }: { memberId: string; email: string; max: number; windowMinutes: number; now: Date },
): Promise<void> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const failures = await db.authAttempt.count({ where: { kind: "signin:account", key: email, success: false, createdAt: { gt: since } } });
  if (failures < max) return;
  await db.$transaction(async (tx) => {
    await lockThrottleKey(tx, "signin:notice", memberId);
    const told = await tx.authAttempt.count({ where: { kind: "signin:notice", key: memberId, createdAt: { gt: since } } });
    if (told > 0) return;
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { name: true, email: true } });
    if (!member) return;
    await recordAttempt(tx, "signin:notice", memberId, true, now);
    await queueEmail(tx, {
      key: `signin-failures:${memberId}:${now.getTime()}`,
      memberId,
      to: member.email,
      category: "account",
      message: signInFailuresMessage({
        name: member.name,
        failures,
        minutes: windowMinutes,
        linkPage: absoluteUrl("/signin/link"),
        resetPage: absoluteUrl("/forgot-password"),
      }),
      now,
    });
    await recordAudit(tx, { actorId: null, action: "account.signin_throttled", subjectType: "member", subjectId: memberId, data: { failures }, at: now });
  });
}
