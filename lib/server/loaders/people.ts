import "server-only";
import { systemNow } from "@/lib/server/clock";
import { getRootDb } from "@/lib/server/db";
import { requireMemberPage } from "@/lib/server/auth/session";
import { findPeople, peopleToWarmUpWith } from "@/lib/server/queries/find-people";
import { BadCursorError } from "@/lib/server/queries/relationships";
import { PEOPLE_PAGE_SIZE, type TPeoplePageQuery } from "@/lib/validation/people";
import { appSettings } from "./request-cache";

/**
 * /people: with a search or a topic, one page of results; without, the suggestions with their
 * reasons. A cursor the query cannot read opens the first page and says so (`cursorReset`).
 */
export async function loadPeoplePage(p: TPeoplePageQuery) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const [db, settings] = await Promise.all([getRootDb(), appSettings()]);
  const searching = (p.q !== "" && !p.tooLong) || p.topic !== undefined;
  if (!searching) {
    const suggestions = await peopleToWarmUpWith(db, { viewerId: viewer.id, now, settings, take: PEOPLE_PAGE_SIZE });
    return { searching, suggestions, items: [], nextCursor: null, cursorReset: false };
  }
  const read = (cursor: string | null) =>
    findPeople(db, { viewerId: viewer.id, now, settings, q: p.tooLong ? null : p.q, topic: p.topic ?? null, cursor, limit: PEOPLE_PAGE_SIZE });
  try {
    return { searching, suggestions: [], cursorReset: false, ...(await read(p.cursor ?? null)) };
  } catch (e) {
    if (p.cursor && e instanceof BadCursorError) return { searching, suggestions: [], cursorReset: true, ...(await read(null)) };
    throw e;
  }
}

/** The dashboard's few suggestions, for a member with few relationships. */
export async function loadDashboardSuggestions(viewerId: string, now: Date) {
  const [db, settings] = await Promise.all([getRootDb(), appSettings()]);
  return peopleToWarmUpWith(db, { viewerId, now, settings, take: 3 });
}
