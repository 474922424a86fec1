import { apiRoute } from "@/lib/server/api/handler";
import { loadPostOut } from "@/lib/server/api/posts";
import { deletePostRoute, getPostRoute } from "@/lib/server/api/spec/content";
import { deletePost } from "@/lib/server/services/posts/delete-post";

export const GET = apiRoute(getPostRoute, async ({ viewer, params }) => loadPostOut(viewer.id, params.id));

export const DELETE = apiRoute(deletePostRoute, async ({ viewer, params, now }) => {
  await deletePost(viewer.id, params.id, now);
});
