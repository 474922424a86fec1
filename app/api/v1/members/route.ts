import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { apiRoute } from "@/lib/server/api/handler";
import { badCursor } from "@/lib/server/api/cursor";
import { toPersonOut } from "@/lib/server/api/present/people";
import { searchMembersRoute } from "@/lib/server/api/spec/members";
import { findPeople } from "@/lib/server/queries/find-people";
import { BadCursorError } from "@/lib/server/queries/relationships";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(searchMembersRoute, async ({ viewer, now, query }) => {
  const db = await getDb();
  const found = await findPeople(db, {
    viewerId: viewer.id,
    now,
    settings: await getAppSettings(db),
    q: query.q ?? null,
    topic: query.topic ?? null,
    cursor: query.cursor ?? null,
    limit: query.limit,
  }).catch((e: unknown) => {
    throw e instanceof BadCursorError ? badCursor() : e;
  });
  return { items: found.items.map(toPersonOut), nextCursor: found.nextCursor };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
