import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZRemoveConnection, type TRemoveConnectionInput } from "@/lib/validation/connection";
import { refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";

/**
 * Either side may end a connection, quietly (the other is not notified) and without a
 * cooldown. The pair key is built from the viewer's own id, so only a member of the pair can
 * remove it; anything else is not found.
 */
export async function removeConnection(db: Db, { memberId, input, now }: { memberId: string; input: TRemoveConnectionInput; now: Date }) {
  const { handle } = parseInput(ZRemoveConnection, input, { message: "Please check the handle." });
  return db.$transaction(async (tx) => {
    const other = await tx.member.findUnique({ where: { handle }, select: { id: true, handle: true, name: true } });
    if (!other || other.id === memberId) throw notFound("That connection");
    const [memberAId, memberBId] = memberId < other.id ? [memberId, other.id] : [other.id, memberId];
    const { count } = await tx.connection.deleteMany({ where: { memberAId, memberBId } });
    if (count === 0) throw notFound("That connection");
    await refreshPairs(tx, { pairs: [[memberId, other.id]], now });
    await recordAudit(tx, {
      actorId: memberId,
      action: "connection.removed",
      subjectType: "connection",
      subjectId: `${memberAId}:${memberBId}`,
      data: { otherId: other.id },
      at: now,
    });
    return { member: other };
  });
}
