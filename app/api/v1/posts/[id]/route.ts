import { apiRoute } from "@/lib/server/api/handler";
import { loadPostOut } from "@/lib/server/api/posts";
import { deletePostRoute, getPostRoute } from "@/lib/server/api/spec/content";
import { deletePost } from "@/lib/server/services/posts/delete-post";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getPostRoute, async ({ viewer, params }) => loadPostOut(viewer.id, params.id));

export const DELETE = apiRoute(deletePostRoute, async ({ viewer, params, now }) => {
  await deletePost(await getDb(), { authorId: viewer.id, postId: params.id, now });
});

export const { POST, PUT, PATCH } = methodsNotAllowed(["GET", "DELETE"]);
