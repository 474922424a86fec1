import "server-only";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { BadCursorError, listRelationships } from "@/lib/server/queries/relationships";
import { requireMemberPage } from "@/lib/server/auth/session";
import type { TRelationshipsPageQuery } from "@/lib/validation/relationships";
import { RELATIONSHIPS_PAGE_SIZE } from "@/lib/validation/relationships";
import { appSettings } from "./request-cache";

/**
 * /relationships: one page of the viewer's relationships in one tab, with every tab's count.
 * A cursor the query cannot read (an old or hand-edited link) opens the first page instead,
 * and says so (`cursorReset`).
 */
export async function loadRelationshipsPage(p: Pick<TRelationshipsPageQuery, "tab" | "sort" | "q" | "cursor">) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const [db, settings] = await Promise.all([getDb(), appSettings()]);
  const read = (cursor: string | null) =>
    listRelationships(db, {
      viewerId: viewer.id,
      now,
      settings,
      tab: p.tab === "all" ? undefined : p.tab,
      sort: p.sort,
      q: p.q || undefined,
      cursor,
      limit: RELATIONSHIPS_PAGE_SIZE,
    });
  try {
    return { now, cursorReset: false, ...(await read(p.cursor ?? null)) };
  } catch (e) {
    if (p.cursor && e instanceof BadCursorError) return { now, cursorReset: true, ...(await read(null)) };
    throw e;
  }
}
