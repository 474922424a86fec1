import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { declineRequestRoute } from "@/lib/server/api/spec/social";
import { declineRequest } from "@/lib/server/services/requests/decline-request";

export const POST = apiRoute(declineRequestRoute, async ({ viewer, params, body, now }) => {
  await declineRequest(viewer.id, params.id, body, { now });
  return loadRequestOut(viewer.id, params.id, now);
});
