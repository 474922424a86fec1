import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { discoverableTo } from "@/lib/server/queries/member-visibility";
import type { PersonBase } from "@/lib/server/queries/person-cards";
import { addDays } from "@/lib/warmup/time";
import { SUGGESTION_WEIGHTS as W, suggestionReasons, type SuggestionFacts } from "@/lib/warmup/suggestion-reasons";
import type { InteractionKind } from "@/lib/warmup/types";

/** Interactions and threads older than this no longer suggest anyone. */
export const SUGGESTION_WINDOW_DAYS = 90;

export type Suggestion = { member: PersonBase; reasons: string[] };

type Row = {
  id: string;
  handle: string;
  name: string;
  headline: string;
  topics: string[] | null;
  mutual: number;
  unanswered: Record<string, number> | string | null;
  threads: number;
  shared_topics: string[] | null;
};

/**
 * "People to warm up with" for the viewer, each with its reasons: mutual connections,
 * interactions toward the viewer not answered since, threads both took part in (last 90 days),
 * shared topics. One statement. Never the viewer, their connections, blocks either way,
 * suspended members, closed protocols, members who opted out, anyone with a pending
 * request either way (the request is what to answer), or anyone whose request the viewer
 * declined while its cooldown runs (they have been answered).
 */
export async function suggestPeople(db: Tx, p: { viewerId: string; now: Date; take: number }): Promise<Suggestion[]> {
  const me = p.viewerId;
  const since = addDays(p.now, -SUGGESTION_WINDOW_DAYS);
  // Who may be suggested (m: member, pol: their policy row, if any).
  const eligible = Prisma.sql`${discoverableTo(me, p.now)}
    AND m.id NOT IN (SELECT id FROM my_conns)
    -- a pending request either way is already past warming up: it wants an answer, not a suggestion
    AND NOT EXISTS (SELECT 1 FROM connection_request r WHERE r.status = 'pending'
      AND ((r.requester_id = ${me} AND r.recipient_id = m.id) OR (r.requester_id = m.id AND r.recipient_id = ${me})))
    -- someone whose request I declined, while its cooldown runs: I have already answered them
    AND NOT EXISTS (SELECT 1 FROM connection_request r WHERE r.status = 'declined'
      AND r.requester_id = m.id AND r.recipient_id = ${me} AND r.cooldown_until > ${p.now})
    AND COALESCE(pol.preset, 'standard') <> 'closed'`;
  const rows = await db.$queryRaw<Row[]>`
    WITH my_conns AS (
      SELECT member_b_id AS id FROM connection WHERE member_a_id = ${me}
      UNION ALL SELECT member_a_id FROM connection WHERE member_b_id = ${me}
    ),
    -- their connections, one index range per connection of mine (150 for heavy), never a scan of every connection
    mutual AS (
      SELECT x.id, count(*)::int AS n FROM my_conns mc
      CROSS JOIN LATERAL (
        SELECT c.member_b_id AS id FROM connection c WHERE c.member_a_id = mc.id
        UNION ALL SELECT c.member_a_id FROM connection c WHERE c.member_b_id = mc.id
      ) x GROUP BY x.id
    ),
    toward_me AS (
      SELECT i.actor_id, i.kind, i.occurred_at FROM interaction i
      WHERE i.target_id = ${me} AND i.actor_id <> ${me} AND i.verification NOT IN ('removed', 'disputed')
        AND i.occurred_at > ${since} AND i.occurred_at <= ${p.now}
    ),
    -- when I last answered each of them: one lookup per person, not one per interaction
    my_last AS MATERIALIZED (
      SELECT a.id, (SELECT max(o.occurred_at) FROM interaction o
          WHERE o.actor_id = ${me} AND o.target_id = a.id AND o.verification NOT IN ('removed', 'disputed') AND o.occurred_at <= ${p.now}) AS at
      FROM (SELECT DISTINCT actor_id AS id FROM toward_me) a
    ),
    unanswered_by_kind AS (
      SELECT t.actor_id AS id, t.kind, count(*)::int AS n
      FROM toward_me t JOIN my_last l ON l.id = t.actor_id
      WHERE t.occurred_at > COALESCE(l.at, '-infinity'::timestamp)
      GROUP BY t.actor_id, t.kind
    ),
    unanswered AS (
      SELECT id, json_object_agg(kind, n) AS kinds, sum(n)::int AS n FROM unanswered_by_kind GROUP BY id
    ),
    my_threads AS (
      SELECT id FROM post WHERE author_id = ${me} AND deleted_at IS NULL AND created_at > ${since}
      UNION SELECT post_id FROM comment WHERE author_id = ${me} AND deleted_at IS NULL AND created_at > ${since}
    ),
    threads AS (
      SELECT x.id, count(DISTINCT x.post_id)::int AS n FROM (
        SELECT c.author_id AS id, c.post_id FROM comment c JOIN my_threads t ON t.id = c.post_id
        WHERE c.deleted_at IS NULL AND c.created_at > ${since}
        UNION ALL SELECT p.author_id, p.id FROM post p JOIN my_threads t ON t.id = p.id WHERE p.deleted_at IS NULL
      ) x GROUP BY x.id
    ),
    my_topics AS (SELECT topics FROM member WHERE id = ${me}),
    strong AS (SELECT id FROM mutual UNION SELECT id FROM unanswered UNION SELECT id FROM threads),
    eligible_strong AS (
      SELECT m.id FROM strong s JOIN member m ON m.id = s.id LEFT JOIN policy pol ON pol.member_id = m.id WHERE ${eligible}
    ),
    -- Shared topics alone fill the list only when the stronger reasons do not: a topic may be
    -- held by thousands (the count is an InitPlan; when it is enough, this scan never runs).
    topical_only AS (
      SELECT m.id FROM member m CROSS JOIN my_topics t LEFT JOIN policy pol ON pol.member_id = m.id
      WHERE (SELECT count(*) FROM eligible_strong) < ${p.take}
        AND cardinality(t.topics) > 0 AND m.topics && t.topics AND m.id NOT IN (SELECT id FROM strong) AND ${eligible}
    ),
    chosen AS (
      SELECT m.id, m.handle, m.name, m.headline, m.topics,
             COALESCE(mu.n, 0) AS mutual, un.kinds AS unanswered, COALESCE(un.n, 0) AS unanswered_n, COALESCE(th.n, 0) AS threads,
             ARRAY(SELECT unnest(m.topics) INTERSECT SELECT unnest(t.topics) ORDER BY 1) AS shared_topics
      FROM (SELECT id FROM eligible_strong UNION ALL SELECT id FROM topical_only) e
      JOIN member m ON m.id = e.id
      CROSS JOIN my_topics t
      LEFT JOIN mutual mu ON mu.id = m.id
      LEFT JOIN unanswered un ON un.id = m.id
      LEFT JOIN threads th ON th.id = m.id
    )
    SELECT c.id, c.handle, c.name, c.headline, c.topics, c.mutual, c.unanswered, c.threads, c.shared_topics
    FROM chosen c
    ORDER BY ${W.unanswered} * c.unanswered_n + ${W.mutualConnection} * c.mutual + ${W.sharedThread} * c.threads
           + ${W.sharedTopic} * COALESCE(cardinality(c.shared_topics), 0) DESC,
             lower(c.name COLLATE "C"), c.id COLLATE "C"
    LIMIT ${p.take}`;

  return rows.map((r) => {
    const unanswered = (typeof r.unanswered === "string" ? JSON.parse(r.unanswered) : (r.unanswered ?? {})) as Partial<
      Record<InteractionKind, number>
    >;
    const facts: SuggestionFacts = {
      mutualConnections: Number(r.mutual),
      unanswered,
      sharedThreads: Number(r.threads),
      sharedTopics: r.shared_topics ?? [],
    };
    return {
      member: { id: r.id, handle: r.handle, name: r.name, headline: r.headline, topics: r.topics ?? [] },
      reasons: suggestionReasons(facts),
    };
  });
}
