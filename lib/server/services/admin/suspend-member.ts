import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, fieldError, notFound } from "@/lib/server/errors";
import { lockMember } from "@/lib/server/services/locks";
import { notify } from "@/lib/server/services/notifications/notify";
import { parseInput } from "@/lib/server/validation";
import { ZSuspendMember, ZUnsuspendMember, type TSuspendMemberInput, type TUnsuspendMemberInput } from "@/lib/validation/admin";
import { parseDay } from "@/lib/validation/logged-interaction";
import { formatDate } from "@/lib/warmup/format-date";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { assertAdmin } from "./assert-admin";
import { closeReports } from "./close-reports";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Suspends a member: they can sign in only to read why (requireMember refuses them
 * everywhere else). Their pending requests, in both directions, are withdrawn without a
 * cooldown — nobody should wait on an answer that cannot come, and nobody is penalised.
 * Open reports about the member are closed as actioned, and so is the report this answers.
 * Suspending again replaces the reason and end date.
 */
export async function suspendMember(db: Db, { adminId, input, now }: { adminId: string; input: TSuspendMemberInput; now: Date }) {
  const data = parseInput(ZSuspendMember, input);
  const until = data.until ? parseDay(data.until) : null;
  if (until && until <= now) throw fieldError("until", "Choose an end date after today, or leave it empty for no end date.");
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, adminId, now);
    if (data.memberId === adminId) throw new AppError("self", "You can't suspend yourself.");
    const member = await tx.member.findUnique({ where: { id: data.memberId }, select: { id: true, handle: true } });
    if (!member) throw notFound("That member");
    // Held to the end: a request this member's other transactions are writing lands before the withdrawal, not after.
    await lockMember(tx, member.id);
    await tx.member.update({ where: { id: member.id }, data: { suspendedAt: now, suspendedUntil: until, suspendedReason: data.reason } });

    const pending = await tx.connectionRequest.findMany({
      where: { status: "pending", OR: [{ requesterId: member.id }, { recipientId: member.id }] },
      select: { id: true, requesterId: true, recipientId: true },
    });
    const withdrawn = pending.map((r) => r.id);
    if (withdrawn.length) {
      await tx.connectionRequest.updateMany({
        where: { id: { in: withdrawn }, status: "pending" },
        data: { status: "withdrawn", pendingPairKey: null, decidedAt: now, cooldownUntil: null },
      });
      await refreshPairs(tx, { pairs: pending.map((r) => [r.requesterId, r.recipientId] as const), now });
    }
    const closed = await closeReports(
      tx,
      { OR: [{ subjectType: "member", subjectId: member.id }, ...(data.reportId ? [{ id: data.reportId }] : [])] },
      { status: "actioned", adminId, now },
    );
    await notify(tx, member.id, "suspended", { reason: data.reason, until: until?.toISOString() ?? null }, now);
    await recordAudit(tx, {
      actorId: adminId,
      action: "admin.member_suspended",
      subjectType: "member",
      subjectId: member.id,
      data: { handle: member.handle, reason: data.reason, until: until?.toISOString() ?? null, requestsWithdrawn: withdrawn, reportsClosed: closed },
      at: now,
    });
    return { memberId: member.id, handle: member.handle, until, requestsWithdrawn: withdrawn.length, reportsClosed: closed.length };
  });
}

/** Lifts a suspension at once. Withdrawn requests stay withdrawn: the member may send them again. */
export async function unsuspendMember(db: Db, { adminId, input, now }: { adminId: string; input: TUnsuspendMemberInput; now: Date }) {
  const { memberId } = parseInput(ZUnsuspendMember, input);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, adminId, now);
    const member = await tx.member.findUnique({ where: { id: memberId }, select: { id: true, handle: true, suspendedAt: true, suspendedUntil: true } });
    if (!member) throw notFound("That member");
    if (!member.suspendedAt) throw new AppError("conflict", `@${member.handle} is not suspended.`);
    await tx.member.update({ where: { id: member.id }, data: { suspendedAt: null, suspendedUntil: null, suspendedReason: null } });
    await recordAudit(tx, {
      actorId: adminId,
      action: "admin.member_unsuspended",
      subjectType: "member",
      subjectId: member.id,
      data: {
        handle: member.handle,
        wasUntil: member.suspendedUntil ? formatDate(member.suspendedUntil) : null,
      },
      at: now,
    });
    return { memberId: member.id, handle: member.handle };
  });
}
