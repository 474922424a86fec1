import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { acceptRequestRoute } from "@/lib/server/api/spec/social";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";

export const POST = apiRoute(acceptRequestRoute, async ({ viewer, params, now }) => {
  await acceptRequest(viewer.id, params.id, { now });
  return loadRequestOut(viewer.id, params.id, now);
});
