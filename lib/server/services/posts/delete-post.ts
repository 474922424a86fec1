import "server-only";
import { markSummariesStale } from "@/lib/server/services/summaries/mark-stale";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { removeInteractions } from "@/lib/server/services/interactions/record-interaction";

/**
 * Soft-deletes the author's own post ("This post was removed").
 *
 * Which interactions go with it: every interaction whose content lived on this post —
 * mentions in it, the share interaction when it is a share, reactions on it, and the
 * comments, replies, mentions and reactions in its thread (they disappear from view with
 * the post, so they no longer happened publicly). Every source stores the post id on its
 * interaction row, so one update covers them all. Shares of this post by others are their
 * own posts and keep their interaction.
 */
export async function deletePost(db: Db, { authorId, postId, now }: { authorId: string; postId: string; now: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    const res = await tx.post.updateMany({ where: { id: postId, authorId, deletedAt: null }, data: { deletedAt: now } });
    if (res.count === 0) {
      // Deleting twice is fine; deleting someone else's post does not exist.
      const mine = await tx.post.findFirst({ where: { id: postId, authorId }, select: { id: true } });
      if (!mine) throw notFound("That post");
    }
    await removeInteractions(tx, { postId }, now);
    // The last post gone: others' next steps stop suggesting a reply (summaries recomputed).
    if (res.count > 0 && (await tx.post.count({ where: { authorId, deletedAt: null } })) === 0) {
      await markSummariesStale(tx, { recipientId: authorId });
    }
  });
}
