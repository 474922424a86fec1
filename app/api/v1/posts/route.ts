import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { badCursor } from "@/lib/server/api/cursor";
import { visibleMember } from "@/lib/server/api/lookups";
import { loadPostOut } from "@/lib/server/api/posts";
import { toPostOut } from "@/lib/server/api/present/content";
import { createPostRoute, listPostsRoute } from "@/lib/server/api/spec/content";
import { decodeCursor, listPosts } from "@/lib/server/queries/feed";
import { createPost } from "@/lib/server/services/posts/create-post";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(createPostRoute, async ({ viewer, body, now }) => {
  const post = await createPost(await getDb(), { authorId: viewer.id, input: body, now });
  return loadPostOut(viewer.id, post.id);
});

export const GET = apiRoute(listPostsRoute, async ({ viewer, query }) => {
  if (query.cursor && !decodeCursor(query.cursor)) throw badCursor();
  const authorId = query.author ? (await visibleMember(query.author, viewer.id)).id : undefined;
  const feed = await listPosts(await getDb(), { viewerId: viewer.id, authorId, cursor: query.cursor, limit: query.limit, threadsPerPost: 0 });
  return { items: feed.posts.map(toPostOut), nextCursor: feed.nextCursor };
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
