import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { apiRoute } from "@/lib/server/api/handler";
import { toRelationshipOut } from "@/lib/server/api/present/relationships";
import { listRelationshipsRoute } from "@/lib/server/api/spec/relationships";
import { badCursor } from "@/lib/server/api/cursor";
import { BadCursorError, listRelationships } from "@/lib/server/queries/relationships";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listRelationshipsRoute, async ({ viewer, now, query }) => {
  const db = await getDb();
  const pg = await listRelationships(db, {
    viewerId: viewer.id,
    now,
    settings: await getAppSettings(db),
    tab: query.status,
    sort: query.sort,
    q: query.q || undefined,
    cursor: query.cursor ?? null,
    limit: query.limit,
  }).catch((e: unknown) => {
    throw e instanceof BadCursorError ? badCursor() : e;
  });
  return { items: pg.items.map(toRelationshipOut), nextCursor: pg.nextCursor, counts: pg.counts };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
