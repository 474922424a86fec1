import { apiRoute } from "@/lib/server/api/handler";
import { withApiFieldNames } from "@/lib/server/api/fields";
import { loadPostOut } from "@/lib/server/api/posts";
import { sharePostRoute } from "@/lib/server/api/spec/content";
import { createPost } from "@/lib/server/services/posts/create-post";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(sharePostRoute, async ({ viewer, params, body, now }) => {
  const share = await withApiFieldNames(async () => createPost(await getDb(), { authorId: viewer.id, input: { body: body.comment, sharedPostId: params.id }, now }), {
    body: "comment",
    sharedPostId: null,
  });
  return loadPostOut(viewer.id, share.id);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
