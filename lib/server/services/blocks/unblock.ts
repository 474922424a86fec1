import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZBlockMember, type TBlockMemberInput } from "@/lib/validation/block";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/** Lifts a block the member made. What the block ended (requests, a connection) stays ended. */
export async function unblockMember(db: Db, { blockerId, input, now }: { blockerId: string; input: TBlockMemberInput; now: Date }) {
  const { handle } = parseInput(ZBlockMember, input, { message: "Please check the handle." });
  return db.$transaction(async (tx) => {
    const other = await tx.member.findUnique({ where: { handle }, select: { id: true, handle: true, name: true } });
    if (!other) throw notFound("That member");
    const { count } = await tx.block.deleteMany({ where: { blockerId, blockedId: other.id } });
    if (count === 0) throw notFound("That block");
    await refreshPairs(tx, { pairs: [[blockerId, other.id]], now });
    await recordAudit(tx, { actorId: blockerId, action: "member.unblocked", subjectType: "member", subjectId: other.id, at: now });
    return { member: other };
  });
}
