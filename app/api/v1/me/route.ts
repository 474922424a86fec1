import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { getMeRoute, updateMeRoute } from "@/lib/server/api/spec/accounts";
import { updateProfile } from "@/lib/server/services/profile/update-profile";

export const GET = apiRoute(getMeRoute, async ({ viewer }) => loadMe(viewer.id));

export const PATCH = apiRoute(updateMeRoute, async ({ viewer, body }) => {
  await updateProfile(viewer.id, body);
  return loadMe(viewer.id);
});
