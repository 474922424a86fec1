import { apiRoute } from "@/lib/server/api/handler";
import { deleteCommentRoute } from "@/lib/server/api/spec/content";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const DELETE = apiRoute(deleteCommentRoute, async ({ viewer, params, now }) => {
  await deleteComment(await getDb(), { authorId: viewer.id, commentId: params.id, now });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
