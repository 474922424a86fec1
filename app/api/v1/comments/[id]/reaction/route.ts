import { apiRoute } from "@/lib/server/api/handler";
import { deleteCommentReactionRoute, setCommentReactionRoute } from "@/lib/server/api/spec/content";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const PUT = apiRoute(setCommentReactionRoute, async ({ viewer, params, body, now }) => {
  const r = await setReaction(await getDb(), { memberId: viewer.id, input: { subject: "comment", id: params.id, type: body.type }, now });
  return { subject: "comment" as const, id: params.id, type: r.type };
});

export const DELETE = apiRoute(deleteCommentReactionRoute, async ({ viewer, params, now }) => {
  await setReaction(await getDb(), { memberId: viewer.id, input: { subject: "comment", id: params.id, type: null }, now });
});

export const { GET, POST, PATCH } = methodsNotAllowed(["PUT", "DELETE"]);
