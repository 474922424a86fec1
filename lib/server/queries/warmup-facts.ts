import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";
import { DAY } from "@/lib/warmup/time";
import type { EngineInteraction, InteractionKind, InteractionSource, Policy, Verification } from "@/lib/warmup/types";

/**
 * The raw facts the warm-up engine's inputs are made of — interactions, relation facts
 * (connections, blocks, pending requests, cooldowns), members with their stored policies —
 * each read in one statement. warmup-inputs.ts assembles them into EvaluateInput.
 */

export type PairRole = "requester" | "recipient";

/** `hasPosts`: at least one post not deleted (next steps suggest something else to those without). */
export type MemberFacts = { id: string; name: string; createdAt: Date; hasPosts: boolean };

/** The other member of each of the viewer's connections, blocks (either way), pending requests and cooldowns. */
export type RelationFacts = {
  connected: string[];
  blocked: string[];
  /** [requester, recipient] of each pending request either way */
  pending: [string, string][];
  /** [other member, cooldown end in epoch ms]: the requester's side of `role` */
  cooldowns: [string, number][];
};

/** `leaving`: they asked to delete their account (they take no new requests meanwhile) */
export type RelatedMember = { id: string; handle: string; name: string; headline: string; leaving: boolean };

export function toEngineInteraction(r: {
  id: string;
  actorId: string;
  targetId: string;
  kind: string;
  source: string;
  weight: number;
  occurredAt: Date;
  verification: string;
}): EngineInteraction {
  return {
    id: r.id,
    actorId: r.actorId,
    targetId: r.targetId,
    kind: r.kind as InteractionKind,
    source: r.source as InteractionSource,
    weight: r.weight,
    occurredAt: r.occurredAt,
    verification: r.verification as Verification,
  };
}

const INTERACTION_SELECT = { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true } as const;

/** Interactions either way between the viewer and each of `others` since `since` (a few others: the lists keep the read small). */
export async function readPairInteractions(db: Tx, p: { viewerId: string; others: string[]; since: Date }): Promise<EngineInteraction[]> {
  const { viewerId, others, since } = p;
  const rows = await db.interaction.findMany({
    where: { occurredAt: { gte: since }, OR: [{ actorId: viewerId, targetId: { in: others } }, { actorId: { in: others }, targetId: viewerId }] },
    select: INTERACTION_SELECT,
    // The order the engine expects (EvaluateInput.interactions): then it does not sort.
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toEngineInteraction);
}

/**
 * The viewer's relation facts with `others` (or with everyone: `null`, bounded by the
 * viewer's own rows, so cheaper than a long list) in ONE statement — four small reads that
 * were four round trips. role "requester": cooldowns on the viewer's requests to them;
 * "recipient": on theirs to the viewer.
 */
export async function readRelationFacts(
  db: Tx,
  p: { viewerId: string; others: string[] | null; role: PairRole; now: Date },
): Promise<RelationFacts> {
  const { viewerId, others, role, now } = p;
  const v = viewerId;
  const any = others; // NULL array: no filter
  const [row] = await db.$queryRaw<{ facts: string }[]>`
    SELECT json_build_array(
      (SELECT coalesce(json_agg(CASE WHEN member_a_id = ${v} THEN member_b_id ELSE member_a_id END), '[]') FROM connection
        WHERE (member_a_id = ${v} AND (${any}::text[] IS NULL OR member_b_id = ANY(${any}::text[])))
           OR (member_b_id = ${v} AND (${any}::text[] IS NULL OR member_a_id = ANY(${any}::text[])))),
      (SELECT coalesce(json_agg(CASE WHEN blocker_id = ${v} THEN blocked_id ELSE blocker_id END), '[]') FROM block
        WHERE (blocker_id = ${v} AND (${any}::text[] IS NULL OR blocked_id = ANY(${any}::text[])))
           OR (blocked_id = ${v} AND (${any}::text[] IS NULL OR blocker_id = ANY(${any}::text[])))),
      (SELECT coalesce(json_agg(json_build_array(requester_id, recipient_id)), '[]') FROM connection_request
        WHERE status = 'pending' AND expires_at > ${now}
          AND ((requester_id = ${v} AND (${any}::text[] IS NULL OR recipient_id = ANY(${any}::text[])))
            OR (recipient_id = ${v} AND (${any}::text[] IS NULL OR requester_id = ANY(${any}::text[]))))),
      (SELECT coalesce(json_agg(json_build_array(other, (extract(epoch FROM until) * 1000)::bigint)), '[]') FROM (
        SELECT CASE WHEN requester_id = ${v} THEN recipient_id ELSE requester_id END AS other, max(cooldown_until) AS until
        FROM connection_request
        WHERE cooldown_until > ${now}
          AND ${role === "requester" ? Prisma.sql`requester_id = ${v} AND (${any}::text[] IS NULL OR recipient_id = ANY(${any}::text[]))` : Prisma.sql`recipient_id = ${v} AND (${any}::text[] IS NULL OR requester_id = ANY(${any}::text[]))`}
        GROUP BY 1) c)
    )::text AS facts`;
  const [connected, blocked, pending, cooldowns] = JSON.parse(row.facts) as [string[], string[], [string, string][], [string, number][]];
  return { connected, blocked, pending, cooldowns };
}

/**
 * Interactions as one text value ("id,actor,target,kind,source,weight,epoch-ms,verification;…") instead of one row
 * each: for a member with thousands of interactions, mapping rows is most of the cost
 * (measured on 4,228 rows: 24 ms of app CPU as Prisma rows, 8 ms packed, for ~6 ms more on
 * the database). Packed in (occurred_at, id) order, the order the engine takes without
 * sorting (EvaluateInput.interactions). Every field is an id or a fixed vocabulary word, none contains "," or ";"
 * — checked on the way out, so a surprise fails loudly instead of mis-evaluating.
 */
export const PACK = Prisma.sql`string_agg(concat_ws(',', id, actor_id, target_id, kind, source, weight,
  (extract(epoch FROM occurred_at) * 1000)::bigint, verification), ';' ORDER BY occurred_at, id)`;

export function unpackInteractions(packed: string | null): EngineInteraction[] {
  if (!packed) return [];
  return packed.split(";").map((line) => {
    const f = line.split(",");
    if (f.length !== 8) throw new Error(`Packed interactions: unexpected row "${line}"`);
    return {
      id: f[0],
      actorId: f[1],
      targetId: f[2],
      kind: f[3] as InteractionKind,
      source: f[4] as InteractionSource,
      weight: Number(f[5]),
      occurredAt: new Date(Number(f[6])),
      verification: f[7] as Verification,
    };
  });
}


/** Engine fields of a stored policy row, as the raw read below names them. */
const POLICY_COLUMNS = {
  preset: "preset",
  minPoints: "min_points",
  minInteractions: "min_interactions",
  minDistinctDays: "min_distinct_days",
  minSpanDays: "min_span_days",
  requireConversation: "require_conversation",
  requireReciprocity: "require_reciprocity",
  freshnessDays: "freshness_days",
  dailyPointCap: "daily_point_cap",
  pendingLoggedCounts: "pending_logged_counts",
  allowIntroductions: "allow_introductions",
  minAccountAgeDays: "min_account_age_days",
} as const satisfies Record<keyof Policy, string>;
const POLICY_JSON = Prisma.raw(
  `json_build_object(${Object.entries(POLICY_COLUMNS).map(([key, column]) => `'${key}', p.${column}`).join(", ")})`,
);

/**
 * The members with these ids (an SQL text[] expression), each with their stored policy,
 * as one JSON text value: rows cost far more to map than to parse (see unpackInteractions).
 */
export const membersWithPolicies = (ids: Prisma.Sql) => Prisma.sql`
  SELECT coalesce(json_agg(json_build_array(m.id, m.handle, m.name, m.headline,
           (extract(epoch FROM m.created_at) * 1000)::bigint,
           CASE WHEN p.member_id IS NULL THEN NULL ELSE ${POLICY_JSON} END,
           EXISTS (SELECT 1 FROM post x WHERE x.author_id = m.id AND x.deleted_at IS NULL),
           m.delete_at IS NOT NULL)), '[]')::text
  FROM member m LEFT JOIN policy p ON p.member_id = m.id
  WHERE m.id = ANY(${ids})`;

export function parseMembers(json: string | null | undefined) {
  type Row = [id: string, handle: string, name: string, headline: string, createdAtMs: number, policy: Record<string, unknown> | null, hasPosts: boolean, leaving: boolean];
  const display = new Map<string, RelatedMember>();
  const facts: MemberFacts[] = [];
  const policies = new Map<string, Record<string, unknown>>();
  for (const [id, handle, name, headline, createdAtMs, policy, hasPosts, leaving] of JSON.parse(json ?? "[]") as Row[]) {
    facts.push({ id, name, createdAt: new Date(createdAtMs), hasPosts: hasPosts === true });
    if (policy) policies.set(id, policy);
    display.set(id, { id, handle, name, headline, leaving: leaving === true });
  }
  return { display, facts, policies };
}

/** The viewer and `others`, each with their stored policy row (engine fields). */
export async function readMembersWithPolicies(db: Tx, p: { ids: string[] }) {
  const { ids } = p;
  const [row] = await db.$queryRaw<{ members: string }[]>`SELECT (${membersWithPolicies(Prisma.sql`${ids}::text[]`)}) AS members`;
  return parseMembers(row?.members);
}

/** Start of the longest freshness window any policy may ask for, with a day of slack for "now". */
export const windowStart = (now: Date) => new Date(now.getTime() - (POLICY_BOUNDS.freshnessDays.max + 1) * DAY);
