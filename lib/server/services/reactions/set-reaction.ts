import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { lockMember } from "@/lib/server/services/locks";
import { ZReactionSet, type ReactionType, type TReactionSetInput } from "@/lib/validation/reaction";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { parseInput } from "@/lib/server/validation";
import { recordInteraction, removeInteractions } from "@/lib/server/services/interactions/record-interaction";

/**
 * Sets the member's one reaction on a post or comment (changing its type if there is one),
 * or removes it with `type: null`. However often it is toggled, the pair has ONE reaction
 * interaction per item (source key `reaction:<subject>:<id>:<member>`): removing marks it
 * "removed", reacting again restores it with its original date.
 */
export async function setReaction(db: Db, { memberId, input, now }: { memberId: string; input: TReactionSetInput; now: Date }): Promise<{ type: ReactionType | null; postId: string }> {
  const { subject, id, type } = parseInput(ZReactionSet, input);
  return db.$transaction(async (tx) => {
    // Serialises one member's reaction clicks (the unique index would otherwise turn a
    // double click into an error).
    await lockMember(tx, memberId);
    const item =
      subject === "post"
        ? await tx.post.findFirst({ where: { id, deletedAt: null }, select: { id: true, authorId: true } }).then((p) => p && { ...p, postId: p.id, postAuthorId: p.authorId })
        : await tx.comment
            .findFirst({ where: { id, deletedAt: null, post: { deletedAt: null } }, select: { id: true, authorId: true, postId: true, post: { select: { authorId: true } } } })
            .then((c) => c && { id: c.id, authorId: c.authorId, postId: c.postId, postAuthorId: c.post.authorId });
    const what = subject === "post" ? "That post" : "That comment";
    if (!item) throw notFound(what);
    if ((await isBlockedEither(tx, memberId, item.authorId)) || (await isBlockedEither(tx, memberId, item.postAuthorId))) throw notFound(what);

    const where = subject === "post" ? { memberId, postId: id } : { memberId, commentId: id };
    const sourceKey = `reaction:${subject}:${id}:${memberId}`;
    if (type === null) {
      await tx.reaction.deleteMany({ where });
      await removeInteractions(tx, { sourceKey }, now);
      return { type: null, postId: item.postId };
    }
    const existing = await tx.reaction.findFirst({ where, select: { id: true, type: true } });
    if (existing) {
      if (existing.type !== type) await tx.reaction.update({ where: { id: existing.id }, data: { type } });
    } else {
      await tx.reaction.create({ data: { ...where, type, createdAt: now } });
    }
    await recordInteraction(
      tx,
      {
        actorId: memberId,
        targetId: item.authorId,
        kind: "reaction",
        source: "observed",
        occurredAt: now,
        verification: "verified",
        sourceKey,
        postId: item.postId,
        commentId: subject === "comment" ? id : null,
      },
      now,
    );
    return { type, postId: item.postId };
  });
}
