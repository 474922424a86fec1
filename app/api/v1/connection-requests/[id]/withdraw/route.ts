import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { withdrawRequestRoute } from "@/lib/server/api/spec/social";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(withdrawRequestRoute, async ({ viewer, params, now }) => {
  await withdrawRequest(await getDb(), { requesterId: viewer.id, requestId: params.id, now });
  return loadRequestOut(viewer.id, params.id, now);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
