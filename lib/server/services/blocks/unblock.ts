import "server-only";
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZBlockMember, type TBlockMemberInput } from "@/lib/validation/block";

/** Lifts a block the member made. What the block ended (requests, a connection) stays ended. */
export async function unblockMember(blockerId: string, input: TBlockMemberInput, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const { handle } = parseInput(ZBlockMember, input, { message: "Please check the handle." });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const other = await tx.member.findUnique({ where: { handle }, select: { id: true, handle: true, name: true } });
    if (!other) throw notFound("That member");
    const { count } = await tx.block.deleteMany({ where: { blockerId, blockedId: other.id } });
    if (count === 0) throw notFound("That block");
    await recordAudit(tx, { actorId: blockerId, action: "member.unblocked", subjectType: "member", subjectId: other.id, at: now });
    return { member: other };
  });
}
