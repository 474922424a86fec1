import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { acceptRequestRoute } from "@/lib/server/api/spec/social";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(acceptRequestRoute, async ({ viewer, params, now }) => {
  await acceptRequest(await getDb(), { recipientId: viewer.id, requestId: params.id, now });
  return loadRequestOut(viewer.id, params.id, now);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
