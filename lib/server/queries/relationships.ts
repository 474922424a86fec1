import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { notSuspended, notSuspendedRef } from "@/lib/server/queries/member-visibility";
import { loadPairInputs } from "@/lib/server/queries/pair-inputs";
import { commentWeightOf } from "@/lib/warmup/evaluate";
import { stepWords, type NextStep } from "@/lib/warmup/next-steps";
import { firstNameOf } from "@/lib/warmup/names";
import { leavingWords } from "@/lib/warmup/wording";
import {
  closestRank,
  LISTED_STATUSES,
  RELATIONSHIP_TABS,
  RELATIONSHIP_TAB_KEYS,
  tabOf,
  type RelationshipSort,
  type RelationshipTab,
} from "@/lib/warmup/relationship-tabs";
import { summarize } from "@/lib/warmup/summary";
import type { RelationshipStatus } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

/** `leaving`: they asked to delete their account, and take no new requests meanwhile */
export type RelationshipMember = { id: string; handle: string; name: string; headline: string; leaving: boolean };

/** One relationship as listed: the viewer warming up to `member` (under the member's protocol). */
export type RelationshipItem = {
  member: RelationshipMember;
  status: RelationshipStatus;
  percent: number;
  gateMet: boolean;
  /** the primary next step in words, null when there is none; for a member who is leaving, that they take no new requests */
  nextStep: string | null;
  /** latest interaction either way inside the member's freshness window, null if none */
  lastInteractionAt: Date | null;
};

export type RelationshipPage = {
  items: RelationshipItem[];
  /** opaque; pass back as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
  /** how many relationships each tab lists (whatever `q` is) */
  counts: Record<RelationshipTab, number>;
};

export type ListRelationshipsParams = {
  viewerId: string;
  now: Date;
  settings: TAppSettings;
  /** one tab, or every listed status when absent */
  tab?: RelationshipTab;
  sort: RelationshipSort;
  /** matches name or handle (case-insensitive, a leading "@" ignored) */
  q?: string;
  cursor?: string | null;
  /** 1..100 */
  limit: number;
};

/** A cursor that does not decode: the API answers 400 naming `cursor`. */
export class BadCursorError extends Error {
  constructor() {
    super("This cursor is not one this list gave out.");
  }
}

/**
 * The viewer's relationships from the stored summaries (relationship_summary), one tab or
 * all, sorted, searched by name or handle, a page at a time — in a fixed number of
 * statements whatever the size of the network. Summaries that are due (stale, or past
 * their valid_until) are evaluated afresh here from the interactions and merged in, never
 * written: reads never write (the job worker and the next write store them). Members who
 * are suspended now are not listed.
 */
export async function listRelationships(db: Tx, p: ListRelationshipsParams): Promise<RelationshipPage> {
  const reader = relationshipReader(db, p);
  const statuses = p.tab ? RELATIONSHIP_TABS[p.tab] : LISTED_STATUSES;
  const [page, counts] = await Promise.all([
    reader.page({ statuses, sort: p.sort, q: p.q, cursor: p.cursor ?? null, limit: p.limit }),
    reader.counts(),
  ]);
  return { ...page, counts };
}

type Key = { rank: number; percent: number; nameKey: string; id: string; last: number | null };
type Entry = { item: RelationshipItem; key: Key };

/** Statuses a member's leaving changes nothing to say about: already connected, or a request waiting either way. */
const SETTLED: ReadonlySet<RelationshipStatus> = new Set(["connected", "incoming", "requested"]);

/** The row's next step in words: that they are leaving, when that stops anything further; else the stored step's words. */
function nextStepWords(member: RelationshipMember, status: RelationshipStatus, step: NextStep | null, commentWeight: number): string | null {
  const first = firstNameOf(member.name);
  if (member.leaving && !SETTLED.has(status)) return leavingWords(first);
  return step ? stepWords(step, first, commentWeight) : null;
}

/** Reads for one viewer at one `now`, sharing the due summaries between its calls. */
export function relationshipReader(db: Tx, p: { viewerId: string; now: Date; settings: TAppSettings }) {
  const { viewerId, now } = p;
  const commentWeight = commentWeightOf(p.settings.weights);
  // One statement per reader: the tab counts of the summaries in force and the ids of those due.
  let overview: Promise<{ counts: Record<RelationshipTab, number>; due: Entry[] }> | null = null;
  const read = () => (overview ??= readOverview());
  const toEntry = (member: RelationshipMember, r: Omit<RelationshipItem, "member" | "nextStep"> & { step: NextStep | null }): Entry => ({
    item: {
      member,
      status: r.status,
      percent: r.percent,
      gateMet: r.gateMet,
      nextStep: nextStepWords(member, r.status, r.step, commentWeight),
      lastInteractionAt: r.lastInteractionAt,
    },
    key: { rank: closestRank(r.status), percent: r.percent, nameKey: nameKey(member.name), id: member.id, last: r.lastInteractionAt?.getTime() ?? null },
  });

  /**
   * The viewer's summaries grouped by status, in one statement: how many are in force (not due)
   * per listed status, and which are due (stale or past valid_until) — those are evaluated
   * afresh from the facts (one more statement when there are any) and counted by what they say now.
   */
  async function readOverview() {
    const rows = await db.$queryRaw<{ status: string; n: number; due: string[] }[]>`
      SELECT s.status,
        count(*) FILTER (WHERE s.valid_until > ${now} AND s.status = ANY(${[...LISTED_STATUSES]}::text[]))::int AS n,
        coalesce(array_agg(s.recipient_id) FILTER (WHERE s.valid_until <= ${now}), '{}') AS due
      FROM relationship_summary s
      WHERE s.requester_id = ${viewerId} AND ${notSuspendedRef(Prisma.sql`s.recipient_id`, now)}
      GROUP BY s.status`;
    const dueIds = rows.flatMap((r) => r.due);
    const due: Entry[] = [];
    if (dueIds.length > 0) {
      const { inputs } = await loadPairInputs(db, { pairs: dueIds.map((id) => [viewerId, id] as const), now });
      for (const { input, changesAt, recipient } of inputs.values()) {
        const { summary } = summarize(input, changesAt);
        due.push(toEntry(recipient, { ...summary, step: summary.nextStep }));
      }
    }
    const counts = Object.fromEntries(RELATIONSHIP_TAB_KEYS.map((t) => [t, 0])) as Record<RelationshipTab, number>;
    const add = (status: string, n: number) => {
      const tab = tabOf(status as RelationshipStatus);
      if (tab) counts[tab] += n;
    };
    for (const r of rows) add(r.status, Number(r.n));
    for (const e of due) add(e.item.status, 1);
    return { counts, due };
  }

  return {
    /** One page of relationships in `statuses`, after `cursor`. */
    async page(o: { statuses: readonly RelationshipStatus[]; sort: RelationshipSort; q?: string; cursor: string | null; limit: number }) {
      const cursor = o.cursor ? decodeCursor(o.cursor, o.sort) : null;
      const q = normaliseQuery(o.q);
      const [fresh, { due: dueAll }] = await Promise.all([readFresh(o.statuses, o.sort, q, cursor, o.limit + 1), read()]);
      const cmp = o.sort === "recent" ? byRecent : byClosest;
      const dueHere = dueAll.filter(
        (e) => o.statuses.includes(e.item.status) && matches(e.item.member, q) && (!cursor || cmp(cursor, e.key) < 0),
      );
      const merged = [...fresh, ...dueHere].sort((a, b) => cmp(a.key, b.key)).slice(0, o.limit + 1);
      const more = merged.length > o.limit;
      const items = merged.slice(0, o.limit);
      return { items: items.map((e) => e.item), nextCursor: more ? encodeCursor(items[items.length - 1].key, o.sort) : null };
    },

    /** How many relationships each tab lists. */
    async counts(): Promise<Record<RelationshipTab, number>> {
      return (await read()).counts;
    },
  };

  async function readFresh(statuses: readonly RelationshipStatus[], sort: RelationshipSort, q: string | null, cursor: Key | null, take: number) {
    const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const name = Prisma.sql`lower(m.name COLLATE "C")`;
    const id = Prisma.sql`(m.id COLLATE "C")`;
    // closestRank as SQL: each listed status's rank, the rest after them.
    const rank = Prisma.sql`(CASE s.status ${Prisma.join(
      LISTED_STATUSES.map((st) => Prisma.sql`WHEN ${st} THEN ${closestRank(st)}`),
      " ",
    )} ELSE ${RELATIONSHIP_TAB_KEYS.length} END)`;
    let after = Prisma.sql`TRUE`;
    if (cursor && sort === "closest") {
      after = Prisma.sql`(${rank} > ${cursor.rank} OR (${rank} = ${cursor.rank} AND (s.percent < ${cursor.percent} OR (s.percent = ${cursor.percent} AND (${name} > ${cursor.nameKey} OR (${name} = ${cursor.nameKey} AND ${id} > ${cursor.id}))))))`;
    } else if (cursor && cursor.last !== null) {
      const t = new Date(cursor.last);
      after = Prisma.sql`(s.last_interaction_at < ${t} OR (s.last_interaction_at = ${t} AND ${id} > ${cursor.id}) OR s.last_interaction_at IS NULL)`;
    } else if (cursor) {
      after = Prisma.sql`(s.last_interaction_at IS NULL AND ${id} > ${cursor.id})`;
    }
    const order =
      sort === "closest" ? Prisma.sql`${rank}, s.percent DESC, ${name}, ${id}` : Prisma.sql`s.last_interaction_at DESC NULLS LAST, ${id}`;
    const rows = await db.$queryRaw<
      {
        id: string;
        handle: string;
        name: string;
        headline: string;
        leaving: boolean;
        status: string;
        percent: number;
        gate_met: boolean;
        next_step: NextStep | null;
        last_interaction_at: Date | null;
      }[]
    >`
      SELECT m.id, m.handle, m.name, m.headline, m.delete_at IS NOT NULL AS leaving, s.status, s.percent, s.gate_met, s.next_step, s.last_interaction_at
      FROM relationship_summary s JOIN member m ON m.id = s.recipient_id
      WHERE s.requester_id = ${viewerId} AND s.valid_until > ${now} AND s.status = ANY(${[...statuses]}::text[])
        AND ${notSuspended(now)}
        AND (${pattern}::text IS NULL OR m.name ILIKE ${pattern} OR m.handle ILIKE ${pattern})
        AND ${after}
      ORDER BY ${order}
      LIMIT ${take}`;
    return rows.map((r) =>
      toEntry(
        { id: r.id, handle: r.handle, name: r.name, headline: r.headline, leaving: r.leaving },
        {
          status: r.status as RelationshipStatus,
          percent: r.percent,
          gateMet: r.gate_met,
          step: typeof r.next_step === "string" ? (JSON.parse(r.next_step) as NextStep) : r.next_step,
          lastInteractionAt: r.last_interaction_at,
        },
      ),
    );
  }
}

export type PairStanding = { status: RelationshipStatus; percent: number };

/**
 * The viewer's status and percent toward each of `memberIds` (search results, suggestions),
 * from the same evaluation everything else uses: the stored summaries where they are not
 * due; the rest — due, or never stored because nothing has happened between the two yet
 * (their protocol may still make that open, closed or too new) — evaluated afresh from the
 * facts in one more statement, never written. Two statements at most, whatever the count.
 */
export async function standingsToward(
  db: Tx,
  p: { viewerId: string; now: Date; memberIds: readonly string[] },
): Promise<Map<string, PairStanding>> {
  const { viewerId, now } = p;
  const ids = [...new Set(p.memberIds)].filter((id) => id !== viewerId);
  const out = new Map<string, PairStanding>();
  if (ids.length === 0) return out;
  const rows = await db.$queryRaw<{ id: string; status: string; percent: number }[]>`
    SELECT s.recipient_id AS id, s.status, s.percent FROM relationship_summary s
    WHERE s.requester_id = ${viewerId} AND s.recipient_id = ANY(${ids}::text[]) AND s.valid_until > ${now}`;
  for (const r of rows) out.set(r.id, { status: r.status as RelationshipStatus, percent: Number(r.percent) });
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length > 0) {
    const { inputs } = await loadPairInputs(db, { pairs: rest.map((id) => [viewerId, id] as const), now });
    for (const { input, changesAt, recipient } of inputs.values()) {
      const { summary } = summarize(input, changesAt);
      out.set(recipient.id, { status: summary.status, percent: summary.percent });
    }
  }
  return out;
}


/** The name as the database orders it: lower(name COLLATE "C") lowers ASCII letters only. */
function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Code point order, as the "C" collation orders UTF-8 bytes. */
function cmpCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

const byClosest = (a: Key, b: Key) =>
  a.rank - b.rank || b.percent - a.percent || cmpCodePoints(a.nameKey, b.nameKey) || cmpCodePoints(a.id, b.id);
const byRecent = (a: Key, b: Key) => {
  if (a.last !== b.last) {
    if (a.last === null) return 1;
    if (b.last === null) return -1;
    return b.last - a.last;
  }
  return cmpCodePoints(a.id, b.id);
};

function normaliseQuery(q: string | undefined): string | null {
  const t = (q ?? "").trim().replace(/^@/, "").trim();
  return t ? t : null;
}

function matches(m: RelationshipMember, q: string | null): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return m.name.toLowerCase().includes(needle) || m.handle.toLowerCase().includes(needle);
}

function encodeCursor(k: Key, sort: RelationshipSort): string {
  const body = sort === "closest" ? ["c", k.rank, k.percent, k.nameKey, k.id] : ["r", k.last, k.id];
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

function decodeCursor(cursor: string, sort: RelationshipSort): Key {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  if (!Array.isArray(body)) throw new BadCursorError();
  if (
    sort === "closest" &&
    body[0] === "c" &&
    Number.isInteger(body[1]) &&
    Number.isInteger(body[2]) &&
    typeof body[3] === "string" &&
    typeof body[4] === "string"
  ) {
    return { rank: body[1], percent: body[2], nameKey: body[3], id: body[4], last: null };
  }
  if (sort === "recent" && body[0] === "r" && (body[1] === null || Number.isFinite(body[1])) && typeof body[2] === "string") {
    return { rank: 0, percent: 0, nameKey: "", id: body[2], last: body[1] };
  }
  throw new BadCursorError();
}
