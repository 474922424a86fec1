import "server-only";
import type { Tx } from "@/lib/server/db";
import { excerptOf, type NoteTopic } from "@/lib/validation/stock-note";

/**
 * Something the two members actually exchanged, for a stock note's hint, most telling
 * first: the recipient's post the requester last engaged with (commented, reacted,
 * shared), then the requester's last logged interaction with a summary, then their last
 * kudos to the recipient. Null when there is none. Two or three small reads.
 */
export async function loadNoteTopic(db: Tx, p: { requesterId: string; recipientId: string }): Promise<NoteTopic> {
  const { requesterId, recipientId } = p;
  const onPost = await db.interaction.findFirst({
    where: { actorId: requesterId, targetId: recipientId, postId: { not: null }, verification: { not: "removed" } },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    select: { postId: true },
  });
  if (onPost?.postId) {
    const post = await db.post.findFirst({ where: { id: onPost.postId, authorId: recipientId, deletedAt: null }, select: { body: true } });
    if (post?.body.trim()) return { kind: "post", excerpt: excerptOf(post.body) };
  }
  const [logged, kudos] = await Promise.all([
    db.loggedInteraction.findFirst({
      where: { actorId: requesterId, targetId: recipientId, summary: { not: null }, status: { not: "disputed" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { summary: true },
    }),
    db.kudos.findFirst({
      where: { authorId: requesterId, recipientId, deletedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { body: true },
    }),
  ]);
  if (logged?.summary?.trim()) return { kind: "logged", summary: excerptOf(logged.summary) };
  if (kudos?.body.trim()) return { kind: "kudos", excerpt: excerptOf(kudos.body) };
  return null;
}
