import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { decodeOffset, slicePage } from "@/lib/server/api/cursor";
import { visibleMember } from "@/lib/server/api/lookups";
import { getPairHistoryRoute } from "@/lib/server/api/spec/members";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { getAppSettings } from "@/lib/server/settings";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getPairHistoryRoute, async ({ viewer, params, query, now }) => {
  const member = await visibleMember(params.handle, viewer.id);
  if (member.id === viewer.id) return { items: [], nextCursor: null };
  const offset = decodeOffset(query.cursor);
  // One more than the page, so we know whether there is a next one.
  const db = await getDb();
  const history = await loadPairHistory(db, { viewerId: viewer.id, otherId: member.id, now, settings: await getAppSettings(db), role: "requester", limit: offset + query.limit + 1 });
  return slicePage(history, offset, query.limit);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
