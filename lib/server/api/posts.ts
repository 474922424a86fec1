import "server-only";
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { getPost, type FeedComment } from "@/lib/server/queries/feed";
import { toCommentOut, toPostOut } from "./present/content";

/** A post with its whole thread as the caller sees it, or not_found. */
export async function loadPostOut(viewerId: string, postId: string) {
  const found = await getPost(await getDb(), { viewerId, postId });
  if (!found) throw notFound("That post");
  return toPostOut(found.post);
}

/** A comment just written, read back through the feed query so it has the same shape as in threads. */
export async function loadCommentOut(viewerId: string, postId: string, commentId: string) {
  const found = await getPost(await getDb(), { viewerId, postId });
  const all: FeedComment[] = (found?.post.comments ?? []).flatMap((c) => [c, ...c.replies]);
  const comment = all.find((c) => c.id === commentId);
  if (!comment) throw notFound("That comment");
  return toCommentOut(comment);
}
