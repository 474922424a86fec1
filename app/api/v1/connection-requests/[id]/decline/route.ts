import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { declineRequestRoute } from "@/lib/server/api/spec/social";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(declineRequestRoute, async ({ viewer, params, body, now }) => {
  await declineRequest(await getDb(), { recipientId: viewer.id, requestId: params.id, input: body, now });
  return loadRequestOut(viewer.id, params.id, now);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
