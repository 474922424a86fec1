import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/server/db";
import { getPost, listPosts } from "@/lib/server/queries/feed";
import { getViewer } from "@/lib/server/auth/session";

/** /feed (optionally one author's posts, optionally sharing a post). */
export async function loadFeedPage(p: { cursor?: string; shareId?: string; authorHandle?: string }) {
  const viewer = await getViewer();
  if (viewer?.suspended) redirect("/suspended");
  const db = await getDb();
  const author = p.authorHandle ? await db.member.findUnique({ where: { handle: p.authorHandle }, select: { id: true, handle: true, name: true } }) : null;
  const [page, sharing] = await Promise.all([
    p.authorHandle && !author
      ? Promise.resolve({ posts: [], nextCursor: null, mentionable: [] })
      : listPosts(db, { viewerId: viewer?.id ?? null, authorId: author?.id, cursor: p.cursor }),
    viewer && p.shareId ? getPost(db, { viewerId: viewer.id, postId: p.shareId }) : Promise.resolve(null),
  ]);
  return { viewer, author, page, sharing, shareable: sharing && !sharing.post.removed ? sharing.post : null };
}

/** /feed/p/[id]: one post with its conversation, or null. */
export async function loadPostPage(postId: string) {
  const viewer = await getViewer();
  if (viewer?.suspended) redirect("/suspended");
  const found = await getPost(await getDb(), { viewerId: viewer?.id ?? null, postId });
  return found ? { viewer, ...found } : null;
}
