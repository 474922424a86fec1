import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { apiRoute } from "@/lib/server/api/handler";
import { toPersonOut } from "@/lib/server/api/present/people";
import { suggestMembersRoute } from "@/lib/server/api/spec/members";
import { peopleToWarmUpWith } from "@/lib/server/queries/find-people";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(suggestMembersRoute, async ({ viewer, now }) => {
  const db = await getDb();
  const items = await peopleToWarmUpWith(db, { viewerId: viewer.id, now, settings: await getAppSettings(db), take: 20 });
  return { items: items.map((s) => ({ member: toPersonOut(s.member), reasons: s.reasons })) };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
