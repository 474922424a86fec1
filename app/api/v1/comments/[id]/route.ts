import { apiRoute } from "@/lib/server/api/handler";
import { deleteCommentRoute } from "@/lib/server/api/spec/content";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";

export const DELETE = apiRoute(deleteCommentRoute, async ({ viewer, params, now }) => {
  await deleteComment(viewer.id, params.id, now);
});
