import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { getMeRoute, updateMeRoute } from "@/lib/server/api/spec/accounts";
import { updateProfile } from "@/lib/server/services/profile/update-profile";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getMeRoute, async ({ viewer }) => loadMe(viewer.id));

export const PATCH = apiRoute(updateMeRoute, async ({ viewer, body }) => {
  await updateProfile(await getDb(), { memberId: viewer.id, input: body });
  return loadMe(viewer.id);
});

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
