import { apiRoute } from "@/lib/server/api/handler";
import { deletePostReactionRoute, setPostReactionRoute } from "@/lib/server/api/spec/content";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const PUT = apiRoute(setPostReactionRoute, async ({ viewer, params, body, now }) => {
  const r = await setReaction(await getDb(), { memberId: viewer.id, input: { subject: "post", id: params.id, type: body.type }, now });
  return { subject: "post" as const, id: params.id, type: r.type };
});

export const DELETE = apiRoute(deletePostReactionRoute, async ({ viewer, params, now }) => {
  await setReaction(await getDb(), { memberId: viewer.id, input: { subject: "post", id: params.id, type: null }, now });
});

export const { GET, POST, PATCH } = methodsNotAllowed(["PUT", "DELETE"]);
