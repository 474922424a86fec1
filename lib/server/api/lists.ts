import "server-only";
import { getDb } from "@/lib/server/db";
import { listConnections, CONNECTIONS_PAGE, type ConnectionItem } from "@/lib/server/queries/connections";
import { listRequests, type RequestListItem } from "@/lib/server/queries/requests";
import { listBlocksMade, type BlockMade } from "@/lib/server/queries/blocks";
import { badCursor, decodeKeyset, decodeOffset, encodeKeyset, encodeOffset, slicePage } from "./cursor";

/**
 * `?cursor=&limit=` on top of the web UI's own list queries (whose page sizes suit pages,
 * not clients). The queries keep deciding what the caller may see — expiry, blocks,
 * ownership — these functions only cut their results into API pages.
 */

type Page<T> = { items: T[]; nextCursor: string | null };

/** At most this many history pages of the web query are read to fill one API page. */
const MAX_SCAN_PAGES = 20;

export async function listRequestsForApi(
  viewerId: string,
  q: { direction?: "incoming" | "outgoing"; status: string; cursor?: string; limit: number },
  now: Date,
): Promise<Page<RequestListItem>> {
  if (q.status === "pending") {
    const tabs = q.direction ? [q.direction] : (["incoming", "outgoing"] as const);
    const lists = await Promise.all(tabs.map((tab) => getDb().then((db) => listRequests(db, { viewerId, tab, now }))));
    const all = lists
      .flatMap((l) => l.items)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return slicePage(all, decodeOffset(q.cursor), q.limit);
  }

  // Settled requests: the history query pages by its own cursor; filter and refill.
  const matches = (r: RequestListItem) =>
    (!q.direction || r.direction === q.direction) && (q.status === "settled" || r.status === q.status);
  let { c, k } = decodeHistoryCursor(q.cursor);
  const items: RequestListItem[] = [];
  for (let scanned = 0; scanned < MAX_SCAN_PAGES; scanned++) {
    const pg = await listRequests(await getDb(), { viewerId, tab: "history", now, cursor: c });
    for (let i = k; i < pg.items.length; i++) {
      if (!matches(pg.items[i])) continue;
      items.push(pg.items[i]);
      if (items.length === q.limit) {
        const more = i + 1 < pg.items.length || pg.nextCursor !== null;
        return { items, nextCursor: more ? encodeHistoryCursor(c, i + 1) : null };
      }
    }
    if (!pg.nextCursor) return { items, nextCursor: null };
    c = pg.nextCursor;
    k = 0;
  }
  // A long run of non-matching history: hand back what was found and where to go on.
  return { items, nextCursor: encodeHistoryCursor(c, k) };
}

function encodeHistoryCursor(c: string | null, k: number): string {
  return Buffer.from(`h1:${JSON.stringify({ c, k })}`).toString("base64url");
}

function decodeHistoryCursor(cursor: string | undefined): { c: string | null; k: number } {
  if (!cursor) return { c: null, k: 0 };
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  try {
    if (!text.startsWith("h1:")) throw new Error();
    const v = JSON.parse(text.slice(3)) as { c?: unknown; k?: unknown };
    if ((v.c !== null && typeof v.c !== "string") || !Number.isSafeInteger(v.k) || (v.k as number) < 0) throw new Error();
    return { c: v.c as string | null, k: v.k as number };
  } catch {
    throw badCursor();
  }
}

export async function listConnectionsForApi(
  viewerId: string,
  q: { q?: string; cursor?: string; limit: number },
): Promise<Page<ConnectionItem>> {
  const offset = decodeOffset(q.cursor);
  const first = Math.floor(offset / CONNECTIONS_PAGE) + 1;
  const last = Math.floor((offset + q.limit - 1) / CONNECTIONS_PAGE) + 1;
  const pages = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, i) => getDb().then((db) => listConnections(db, { viewerId, q: q.q, page: first + i }))),
  );
  const start = offset - (first - 1) * CONNECTIONS_PAGE;
  const items = pages.flatMap((p) => p.items).slice(start, start + q.limit);
  const total = pages[0]?.total ?? 0;
  return { items, nextCursor: offset + q.limit < total ? encodeOffset(offset + q.limit) : null };
}

/** The members the viewer blocked, newest first: the settings page's query, read one page (and one row more) at a time. */
export async function listBlocksForApi(viewerId: string, q: { cursor?: string; limit: number }): Promise<Page<BlockMade>> {
  const after = decodeKeyset(q.cursor);
  const rows = await listBlocksMade(await getDb(), { memberId: viewerId, after: after && { blockedAt: after.at, id: after.id }, take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeKeyset(last.blockedAt, last.id) : null };
}
