import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { ZCommentCreate, type TCommentCreateInput } from "@/lib/validation/comment";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { parseInput } from "@/lib/server/validation";
import { enforceContentLimit } from "@/lib/server/services/interactions/content-limits";
import { recordInteraction } from "@/lib/server/services/interactions/record-interaction";
import { recordMentions } from "@/lib/server/services/interactions/record-mentions";

/**
 * Comments on a post, or replies to a comment. A comment counts toward the post's author; a
 * reply toward the author of the comment replied to. Threads are one level deep: a reply to
 * a reply joins its thread, but still counts toward the person actually replied to.
 */
export async function createComment(db: Db, { authorId, input, now }: { authorId: string; input: TCommentCreateInput; now: Date }) {
  const data = parseInput(ZCommentCreate, input);
  return db.$transaction(async (tx) => {
    await enforceContentLimit(tx, "comment", { memberId: authorId, now });

    const post = await tx.post.findFirst({ where: { id: data.postId, deletedAt: null }, select: { id: true, authorId: true } });
    if (!post || (await isBlockedEither(tx, authorId, post.authorId))) throw notFound("That post");

    let targetId = post.authorId;
    let threadId: string | null = null;
    if (data.parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: data.parentId, postId: post.id, deletedAt: null },
        select: { id: true, authorId: true, parentId: true },
      });
      if (!parent || (await isBlockedEither(tx, authorId, parent.authorId))) throw notFound("That comment");
      targetId = parent.authorId;
      threadId = parent.parentId ?? parent.id;
    }

    const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { handle: true, name: true } });
    const comment = await tx.comment.create({
      data: { postId: post.id, authorId, parentId: threadId, body: data.body, createdAt: now },
    });
    await recordInteraction(
      tx,
      {
        actorId: authorId,
        targetId,
        kind: "comment",
        source: "observed",
        occurredAt: now,
        verification: "verified",
        sourceKey: `comment:${comment.id}`,
        postId: post.id,
        commentId: comment.id,
      },
      now,
    );
    await recordMentions(tx, {
      actorId: authorId,
      actorHandle: author.handle,
      actorName: author.name,
      body: data.body,
      postId: post.id,
      commentId: comment.id,
      now,
    });
    return comment;
  });
}
