import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { removeInteractions } from "@/lib/server/services/interactions/record-interaction";

/**
 * Soft-deletes the author's own comment. Its interactions go with it: the comment (or reply)
 * itself, mentions in it, and reactions on it. Replies to it stay visible under "This comment
 * was removed", so theirs stay too.
 */
export async function deleteComment(db: Db, { authorId, commentId, now }: { authorId: string; commentId: string; now: Date }) {
  return db.$transaction(async (tx) => {
    const res = await tx.comment.updateMany({ where: { id: commentId, authorId, deletedAt: null }, data: { deletedAt: now } });
    const row = await tx.comment.findFirst({ where: { id: commentId, authorId }, select: { id: true, postId: true } });
    if (!row) throw notFound("That comment");
    if (res.count > 0) await removeInteractions(tx, { commentId }, now);
    return row;
  });
}
