import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, notFound } from "@/lib/server/errors";
import { pairKey } from "@/lib/warmup/pair-key";
import { lockPair } from "@/lib/server/services/locks";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZBlockMember, type TBlockMemberInput } from "@/lib/validation/block";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Blocks a member. In the same transaction any pending request between the two (either
 * direction) is withdrawn and any connection removed. The blocked member is not told:
 * to them the blocker simply no longer exists.
 */
export async function blockMember(db: Db, { blockerId, input, now }: { blockerId: string; input: TBlockMemberInput; now: Date }) {
  const { handle } = parseInput(ZBlockMember, input, { message: "Please check the handle." });
  return db.$transaction(async (tx) => {
    const other = await tx.member.findUnique({ where: { handle }, select: { id: true, handle: true, name: true } });
    if (!other) throw notFound("That member");
    if (other.id === blockerId) throw new AppError("self", "You can't block yourself.");
    await lockPair(tx, blockerId, other.id);
    // A member who blocked you does not exist for you — blocking them back must not reveal
    // them (their id and name) either. Their block already keeps the two of you apart.
    const theirs = await tx.block.findUnique({ where: { blockerId_blockedId: { blockerId: other.id, blockedId: blockerId } }, select: { blockerId: true } });
    if (theirs) throw notFound("That member");
    await tx.block.createMany({ data: [{ blockerId, blockedId: other.id, createdAt: now }], skipDuplicates: true });

    // No cooldown: the block itself keeps the request from coming back.
    const withdrawn = await tx.connectionRequest.updateManyAndReturn({
      where: { pendingPairKey: pairKey(blockerId, other.id), status: "pending" },
      data: { status: "withdrawn", pendingPairKey: null, decidedAt: now },
      select: { id: true, requesterId: true },
    });
    const [memberAId, memberBId] = blockerId < other.id ? [blockerId, other.id] : [other.id, blockerId];
    const removed = await tx.connection.deleteMany({ where: { memberAId, memberBId } });
    await refreshPairs(tx, { pairs: [[blockerId, other.id]], now });

    const audit: AuditEntry[] = [
      { actorId: blockerId, action: "member.blocked", subjectType: "member", subjectId: other.id, at: now },
      ...withdrawn.map((r) => ({
        actorId: blockerId,
        action: "request.withdrawn" as const,
        subjectType: "connection_request" as const,
        subjectId: r.id,
        data: { cause: "block", requesterId: r.requesterId },
        at: now,
      })),
      ...(removed.count
        ? [{ actorId: blockerId, action: "connection.removed" as const, subjectType: "connection" as const, subjectId: `${memberAId}:${memberBId}`, data: { cause: "block" }, at: now }]
        : []),
    ];
    await recordAudit(tx, audit);
    return { member: other, withdrawnRequests: withdrawn.length, removedConnection: removed.count > 0 };
  });
}
