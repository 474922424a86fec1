import { apiRoute } from "@/lib/server/api/handler";
import { loadRequestOut } from "@/lib/server/api/requests";
import { withdrawRequestRoute } from "@/lib/server/api/spec/social";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";

export const POST = apiRoute(withdrawRequestRoute, async ({ viewer, params, now }) => {
  await withdrawRequest(viewer.id, params.id, { now });
  return loadRequestOut(viewer.id, params.id, now);
});
