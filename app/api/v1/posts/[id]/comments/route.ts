import { apiRoute } from "@/lib/server/api/handler";
import { withApiFieldNames } from "@/lib/server/api/fields";
import { loadCommentOut } from "@/lib/server/api/posts";
import { createCommentRoute } from "@/lib/server/api/spec/content";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(createCommentRoute, async ({ viewer, params, body, now }) => {
  const comment = await withApiFieldNames(async () => createComment(await getDb(), { authorId: viewer.id, input: { ...body, postId: params.id }, now }), { postId: null });
  return loadCommentOut(viewer.id, comment.postId, comment.id);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
