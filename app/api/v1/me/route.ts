import { apiRoute } from "@/lib/server/api/handler";
import { loadMe } from "@/lib/server/api/lookups";
import { deleteMeRoute, getMeRoute, updateMeRoute } from "@/lib/server/api/spec/accounts";
import { requestAccountDeletion } from "@/lib/server/services/accounts/request-deletion";
import { iso } from "@/lib/server/api/present/common";
import { updateProfile } from "@/lib/server/services/profile/update-profile";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getMeRoute, async ({ viewer }) => loadMe(viewer.id));

export const PATCH = apiRoute(updateMeRoute, async ({ viewer, body }) => {
  await updateProfile(await getDb(), { memberId: viewer.id, input: body });
  return loadMe(viewer.id);
});

export const DELETE = apiRoute(deleteMeRoute, async ({ viewer, body, ip, now }) => {
  const { deleteAt } = await requestAccountDeletion(await getDb(), { memberId: viewer.id, input: body, ip, now });
  return { deleteAt: iso(deleteAt) };
});
export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
