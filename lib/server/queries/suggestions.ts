import "server-only";
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
 * suspended members, closed protocols, members who opted out, or anyone with a pending
 * request either way (the request is what to answer).
 */
export async function suggestPeople(db: Tx, p: { viewerId: string; now: Date; take: number }): Promise<Suggestion[]> {
  const me = p.viewerId;
  const since = addDays(p.now, -SUGGESTION_WINDOW_DAYS);
  const rows = await db.$queryRaw<Row[]>`
    WITH my_conns AS (
      SELECT member_b_id AS id FROM connection WHERE member_a_id = ${me}
      UNION ALL SELECT member_a_id FROM connection WHERE member_b_id = ${me}
    ),
    mutual AS (
      SELECT x.id, count(*)::int AS n FROM (
        SELECT c.member_b_id AS id FROM my_conns mc JOIN connection c ON c.member_a_id = mc.id
        UNION ALL SELECT c.member_a_id FROM my_conns mc JOIN connection c ON c.member_b_id = mc.id
      ) x GROUP BY x.id
    ),
    unanswered_by_kind AS (
      SELECT i.actor_id AS id, i.kind, count(*)::int AS n
      FROM interaction i
      WHERE i.target_id = ${me} AND i.actor_id <> ${me} AND i.verification NOT IN ('removed', 'disputed')
        AND i.occurred_at > ${since} AND i.occurred_at <= ${p.now}
        AND i.occurred_at > COALESCE(
          (SELECT max(o.occurred_at) FROM interaction o
           WHERE o.actor_id = ${me} AND o.target_id = i.actor_id AND o.verification NOT IN ('removed', 'disputed') AND o.occurred_at <= ${p.now}),
          '-infinity'::timestamp)
      GROUP BY i.actor_id, i.kind
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
    topical AS (
      SELECT m.id, ARRAY(SELECT unnest(m.topics) INTERSECT SELECT unnest(t.topics) ORDER BY 1) AS shared
      FROM member m, my_topics t WHERE cardinality(t.topics) > 0 AND m.topics && t.topics
    ),
    candidates AS (
      SELECT id FROM mutual UNION SELECT id FROM unanswered UNION SELECT id FROM threads UNION SELECT id FROM topical
    )
    SELECT m.id, m.handle, m.name, m.headline, m.topics,
           COALESCE(mu.n, 0) AS mutual, un.kinds AS unanswered, COALESCE(th.n, 0) AS threads, tp.shared AS shared_topics
    FROM candidates c
    JOIN member m ON m.id = c.id
    LEFT JOIN policy pol ON pol.member_id = m.id
    LEFT JOIN mutual mu ON mu.id = m.id
    LEFT JOIN unanswered un ON un.id = m.id
    LEFT JOIN threads th ON th.id = m.id
    LEFT JOIN topical tp ON tp.id = m.id
    WHERE ${discoverableTo(me, p.now)}
      AND m.id NOT IN (SELECT id FROM my_conns)
      -- a pending request either way is already past warming up: it wants an answer, not a suggestion
      AND NOT EXISTS (SELECT 1 FROM connection_request r WHERE r.status = 'pending'
        AND ((r.requester_id = ${me} AND r.recipient_id = m.id) OR (r.requester_id = m.id AND r.recipient_id = ${me})))
      AND COALESCE(pol.preset, 'standard') <> 'closed'
    ORDER BY ${W.unanswered} * COALESCE(un.n, 0) + ${W.mutualConnection} * COALESCE(mu.n, 0)
           + ${W.sharedThread} * COALESCE(th.n, 0) + ${W.sharedTopic} * COALESCE(cardinality(tp.shared), 0) DESC,
             lower(m.name COLLATE "C"), m.id COLLATE "C"
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
