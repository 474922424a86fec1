import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/create-client";
import { BadCursorError } from "@/lib/server/queries/relationships";
import { discoverableTo } from "@/lib/server/queries/member-visibility";

/** One member found, before the viewer's relationship and the protocol phrase are added. */
export type FoundMember = { id: string; handle: string; name: string; headline: string; topics: string[] };

export type MemberSearchParams = {
  viewerId: string;
  now: Date;
  /** free text: name, handle (with or without "@"), headline, bio, location, topics */
  q?: string | null;
  /** one topic, exactly (lowercase) */
  topic?: string | null;
  cursor?: string | null;
  /** 1..100 */
  limit: number;
};

/**
 * A word_similarity at or above this finds a name or a handle: a one-letter typo in a
 * five-letter word scores 0.5 ("grase" → "Grace Kim"), a prefix of two letters or more scores
 * higher. pg_trgm's `%>` operator (and its index scan) reads it from
 * `pg_trgm.word_similarity_threshold` (default 0.6, which misses "grase"); see `trigramNeedle`.
 */
const WORD_SIMILARITY_THRESHOLD = "0.45";
/** a name this close counts as "a name match" (tier 1) rather than "the rest" */
const NAME_MATCH = 0.5;

type Key = { tier: number; score: number; nameKey: string; id: string };

/**
 * The needle for a `%>` trigram match, as an InitPlan that first sets the threshold for this
 * transaction (`set_config(…, true)`): an index scan cannot start before its key is known, so
 * the threshold is always in place before the scan and its recheck read it. One statement, no
 * transaction of its own, and no planner settings.
 */
const trigramNeedle = (needle: string) =>
  Prisma.sql`(SELECT ${needle}::text WHERE set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true) IS NOT NULL)`;

/**
 * Searches discoverable members in the database, in one statement: exact handle first, then
 * name matches (exact, prefix or typo), then the rest (headline, topics, bio, location by
 * full-text rank); within each, the closest first. Without text, the directory by name. Never
 * the viewer, suspended members, blocks either way, or members who opted out; email is not in
 * the searched document. Keyset pages.
 *
 * A text search is one bitmap heap scan over three GIN index scans OR-ed together — the
 * full-text document, the name and the handle by trigram word similarity — so only the members
 * found are filtered (visibility, blocks, topic) and ranked. The planner chooses it on its own
 * since the GIN indexes keep no pending list (migration 20261205000000); see docs/scaling.md,
 * "Member search".
 */
export async function searchMembers(db: Db, p: MemberSearchParams): Promise<{ items: FoundMember[]; nextCursor: string | null }> {
  const text = searchableText(p.q);
  const cursor = p.cursor ? decodeCursor(p.cursor) : null;
  const conditions: Prisma.Sql[] = [discoverableTo(p.viewerId, p.now)];
  if (p.topic) conditions.push(Prisma.sql`m.topics @> ARRAY[${p.topic}]::text[]`);

  let tier = Prisma.sql`0`;
  let score = Prisma.sql`0`;
  let from = Prisma.sql`member m`;
  if (text) {
    const needle = text.replace(/^@+/, "").trim() || text;
    const handleNeedle = needle.toLowerCase();
    const prefix = `${escapeLike(needle)}%`;
    from = Prisma.sql`member m, websearch_to_tsquery('english', ${text}) AS tsq`;
    conditions.push(
      Prisma.sql`(m.search_vector @@ tsq OR m.name %> ${trigramNeedle(needle)} OR m.handle %> ${trigramNeedle(handleNeedle)})`,
    );
    tier = Prisma.sql`CASE
      WHEN m.handle = ${handleNeedle} THEN 0
      WHEN lower(m.name) = lower(${needle}) OR m.name ILIKE ${prefix} OR word_similarity(${needle}, m.name) >= ${NAME_MATCH} THEN 1
      ELSE 2 END`;
    score = Prisma.sql`round(10000 * (ts_rank(m.search_vector, tsq) + word_similarity(${needle}, m.name) + word_similarity(${handleNeedle}, m.handle)))::int`;
  }
  // The directory (no text: tier and score are constants) pages by a row comparison, which the
  // name-order index can start from; a search's pages are a few dozen rows already in hand.
  const after = !cursor
    ? Prisma.empty
    : !text
      ? Prisma.sql`AND (r.name_key, r.id) > (${cursor.nameKey}, ${cursor.id})`
      : Prisma.sql`AND (r.tier > ${cursor.tier} OR (r.tier = ${cursor.tier} AND (r.score < ${cursor.score} OR (r.score = ${cursor.score}
        AND (r.name_key > ${cursor.nameKey} OR (r.name_key = ${cursor.nameKey} AND r.id > ${cursor.id}))))))`;

  type Row = FoundMember & { tier: number; score: number; name_key: string };
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id, r.handle, r.name, r.headline, r.topics, r.tier, r.score, r.name_key FROM (
      SELECT m.id COLLATE "C" AS id, m.handle, m.name, m.headline, m.topics,
             (${tier})::int AS tier, (${score})::int AS score, lower(m.name COLLATE "C") AS name_key
      FROM ${from}
      WHERE ${Prisma.join(conditions, " AND ")}
    ) r
    WHERE TRUE ${after}
    ORDER BY r.tier, r.score DESC, r.name_key, r.id
    LIMIT ${p.limit + 1}`;

  const more = rows.length > p.limit;
  const page = rows.slice(0, p.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, handle: r.handle, name: r.name, headline: r.headline, topics: r.topics ?? [] })),
    nextCursor:
      more && last ? encodeCursor({ tier: Number(last.tier), score: Number(last.score), nameKey: last.name_key, id: last.id }) : null,
  };
}

/**
 * The text worth searching for, or null: lone surrogates and control characters removed,
 * spaces collapsed; a query with no letter or digit (only spaces or punctuation) searches
 * nothing and lists the directory instead. tsquery and LIKE metacharacters stay: the text
 * goes to websearch_to_tsquery (which never fails on syntax) and LIKE patterns are escaped.
 */
export function searchableText(q: string | null | undefined): string | null {
  const cleaned = (q ?? "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : null;
}

/** A LIKE pattern matching `s` literally (backslash is LIKE's default escape). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function encodeCursor(k: Key): string {
  return Buffer.from(JSON.stringify([k.tier, k.score, k.nameKey, k.id])).toString("base64url");
}

function decodeCursor(cursor: string): Key {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  if (
    Array.isArray(body) &&
    body.length === 4 &&
    Number.isInteger(body[0]) &&
    Number.isInteger(body[1]) &&
    typeof body[2] === "string" &&
    typeof body[3] === "string"
  ) {
    return { tier: body[0], score: body[1], nameKey: body[2], id: body[3] };
  }
  throw new BadCursorError();
}
