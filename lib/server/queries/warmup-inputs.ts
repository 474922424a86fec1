import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { resolvePolicy, POLICY_BOUNDS } from "@/lib/warmup/policy";
import type { EngineInteraction, EvaluateInput, InteractionKind, InteractionSource, Policy, PresetName, Verification } from "@/lib/warmup/types";
import { getAppSettings } from "@/lib/server/settings";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type PairRole = "requester" | "recipient";

const DAY = 86_400_000;
const WIDE_THRESHOLD = 50;

/** Maps a stored policy row (or none: standard) to the engine's policy. */
export function policyFromRow(row: Record<string, unknown> | null | undefined, settings: TAppSettings): Policy {
  return resolvePolicy(
    (row ?? { preset: "standard" }) as { preset: PresetName },
    settings.presets as Partial<Record<PresetName, Policy>>,
  );
}

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


type MemberFacts = { id: string; name: string; createdAt: Date };
type Facts = {
  members: MemberFacts[];
  /** stored policy rows (engine fields), by member id */
  policies: Map<string, Record<string, unknown>>;
  interactions: EngineInteraction[];
} & RelationFacts;

/** The other member of each of the viewer's connections, blocks (either way), pending requests and cooldowns. */
type RelationFacts = {
  connected: string[];
  blocked: string[];
  /** [requester, recipient] of each pending request either way */
  pending: [string, string][];
  /** [other member, cooldown end in epoch ms]: the requester's side of `role` */
  cooldowns: [string, number][];
};

const INTERACTION_SELECT = { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true } as const;

/**
 * The viewer's relation facts with `others` (or with everyone: `null`, bounded by the
 * viewer's own rows, so cheaper than a long list) in ONE statement — four small reads that
 * were four round trips. role "requester": cooldowns on the viewer's requests to them;
 * "recipient": on theirs to the viewer.
 */
async function relationFacts(db: Tx, viewerId: string, others: string[] | null, role: PairRole, now: Date): Promise<RelationFacts> {
  const v = viewerId;
  const any = others === null ? null : others; // NULL array: no filter
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
 * Every interaction either way between the viewer and anyone since `since`, as one text
 * value ("id,actor,target,kind,source,weight,epoch-ms,verification;…") instead of one row
 * each: for a member with thousands of interactions, mapping rows is most of the cost
 * (measured on 4,228 rows: 24 ms of app CPU as Prisma rows, 8 ms packed, for ~6 ms more on
 * the database). Every field is an id or a fixed vocabulary word, none contains "," or ";"
 * — checked on the way out, so a surprise fails loudly instead of mis-evaluating.
 */
const viewerInteractions = (viewerId: string, since: Date) => Prisma.sql`
  SELECT id, actor_id, target_id, kind, source, weight, occurred_at, verification
  FROM interaction
  WHERE occurred_at >= ${since} AND (actor_id = ${viewerId} OR target_id = ${viewerId})`;
const PACK = Prisma.sql`string_agg(concat_ws(',', id, actor_id, target_id, kind, source, weight,
  (extract(epoch FROM occurred_at) * 1000)::bigint, verification), ';')`;

function unpackInteractions(packed: string | null): EngineInteraction[] {
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

export async function readViewerInteractions(db: Tx, viewerId: string, since: Date): Promise<EngineInteraction[]> {
  const [row] = await db.$queryRaw<{ packed: string | null }[]>`SELECT ${PACK} AS packed FROM (${viewerInteractions(viewerId, since)}) i`;
  return unpackInteractions(row?.packed ?? null);
}

export type RelatedMember = { id: string; handle: string; name: string; headline: string };

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
const membersWithPolicies = (ids: Prisma.Sql) => Prisma.sql`
  SELECT coalesce(json_agg(json_build_array(m.id, m.handle, m.name, m.headline,
           (extract(epoch FROM m.created_at) * 1000)::bigint,
           CASE WHEN p.member_id IS NULL THEN NULL ELSE ${POLICY_JSON} END)), '[]')::text
  FROM member m LEFT JOIN policy p ON p.member_id = m.id
  WHERE m.id = ANY(${ids})`;

function parseMembers(json: string | null | undefined) {
  type Row = [id: string, handle: string, name: string, headline: string, createdAtMs: number, policy: Record<string, unknown> | null];
  const display = new Map<string, RelatedMember>();
  const facts: MemberFacts[] = [];
  const policies = new Map<string, Record<string, unknown>>();
  for (const [id, handle, name, headline, createdAtMs, policy] of JSON.parse(json ?? "[]") as Row[]) {
    facts.push({ id, name, createdAt: new Date(createdAtMs) });
    if (policy) policies.set(id, policy);
    display.set(id, { id, handle, name, headline });
  }
  return { display, facts, policies };
}

/**
 * Everything evaluate() needs for the viewer and each of `otherIds`, in four statements
 * whatever the number of others (settings, members with their policies, interactions,
 * relation facts). role "requester": viewer → other under the other's policy (profile, API,
 * send); role "recipient": other → viewer under the viewer's policy (request review,
 * protocol preview). `policyOverride` replaces the stored policy (a send under the policy
 * it just read, a draft preview).
 */
export async function loadWarmupInputs(
  db: Tx,
  p: { viewerId: string; otherIds: string[]; role: PairRole; now: Date; settings: TAppSettings; policyOverride?: Policy },
): Promise<Map<string, EvaluateInput>> {
  const others = [...new Set(p.otherIds)].filter((id) => id !== p.viewerId);
  if (others.length === 0) return new Map();
  const { viewerId, now } = p;
  const since = windowStart(now);
  // For many members, reading the viewer's own rows and filtering here is far cheaper than
  // long IN (…) lists (measured: DB CPU 33 → 8 ms for 1,100 pairs); for a few (a profile,
  // the API, a send), the lists keep the reads small.
  const wide = others.length > WIDE_THRESHOLD;
  const [[row], interactions, facts] = await Promise.all([
    db.$queryRaw<{ members: string }[]>`SELECT (${membersWithPolicies(Prisma.sql`${[viewerId, ...others]}::text[]`)}) AS members`,
    wide
      ? readViewerInteractions(db, viewerId, since)
      : db.interaction
          .findMany({
            where: { occurredAt: { gte: since }, OR: [{ actorId: viewerId, targetId: { in: others } }, { actorId: { in: others }, targetId: viewerId }] },
            select: INTERACTION_SELECT,
          })
          .then((rows) => rows.map(toEngineInteraction)),
    relationFacts(db, viewerId, wide ? null : others, p.role, now),
  ]);
  const members = parseMembers(row?.members);
  return assemble(viewerId, others, p, { members: members.facts, policies: members.policies, interactions, ...facts });
}

/**
 * The viewer's whole network as a requester — everyone they exchanged anything with, either
 * way, inside the longest freshness window, and the other side of their pending requests —
 * with each one's evaluation input and display fields, in three statements whatever the
 * size of the network: the related set is found by the database (no id list is sent), and
 * the large reads come back packed.
 */
export async function loadRelatedInputs(
  db: Tx,
  p: { viewerId: string; now: Date; settings?: TAppSettings },
): Promise<{ inputs: Map<string, EvaluateInput>; members: Map<string, RelatedMember> }> {
  const { viewerId, now } = p;
  const since = windowStart(now);
  const [settings, [row], facts] = await Promise.all([
    p.settings ?? getAppSettings(db),
    // One statement: the interactions are read once, packed, and give the related set.
    db.$queryRaw<{ packed: string | null; members: string }[]>`
      WITH i AS MATERIALIZED (${viewerInteractions(viewerId, since)}),
      related AS (
        SELECT CASE WHEN actor_id = ${viewerId} THEN target_id ELSE actor_id END AS id FROM i
        UNION SELECT recipient_id FROM connection_request WHERE requester_id = ${viewerId} AND status = 'pending' AND expires_at > ${now}
        UNION SELECT requester_id FROM connection_request WHERE recipient_id = ${viewerId} AND status = 'pending' AND expires_at > ${now}
        UNION SELECT ${viewerId}
      )
      SELECT (SELECT ${PACK} FROM i) AS packed,
        -- an array, so the planner looks the members up by key instead of scanning the table
        (${membersWithPolicies(Prisma.sql`ARRAY(SELECT id FROM related)`)}) AS members`,
    relationFacts(db, viewerId, null, "requester", now),
  ]);
  const interactions = unpackInteractions(row?.packed ?? null);
  const { display: members, facts: memberFacts, policies } = parseMembers(row?.members);
  members.delete(viewerId);
  const inputs = assemble(viewerId, [...members.keys()], { role: "requester", now, settings }, { members: memberFacts, policies, interactions, ...facts });
  return { inputs, members };
}

/** Start of the longest freshness window any policy may ask for, with a day of slack for "now". */
const windowStart = (now: Date) => new Date(now.getTime() - (POLICY_BOUNDS.freshnessDays.max + 1) * DAY);

/** Facts → one evaluation input per other member (skipping ids that are not members). */
function assemble(
  viewerId: string,
  others: string[],
  p: { role: PairRole; now: Date; settings: TAppSettings; policyOverride?: Policy },
  f: Facts,
): Map<string, EvaluateInput> {
  const out = new Map<string, EvaluateInput>();
  const memberById = new Map(f.members.map((m) => [m.id, m]));
  const viewer = memberById.get(viewerId);
  if (!viewer) return out;
  const byOther = new Map<string, EngineInteraction[]>();
  for (const r of f.interactions) {
    const other = r.actorId === viewerId ? r.targetId : r.actorId;
    let list = byOther.get(other);
    if (!list) byOther.set(other, (list = []));
    list.push(r);
  }
  const pendingPairs = new Set(f.pending.map(([requester, recipient]) => `${requester}>${recipient}`));
  const connected = new Set(f.connected);
  const blocked = new Set(f.blocked);
  const cooldownByOther = new Map(f.cooldowns.map(([other, until]) => [other, new Date(until)]));
  const viewerPolicy = p.role === "recipient" ? (p.policyOverride ?? policyFromRow(f.policies.get(viewerId), p.settings)) : null;

  for (const other of others) {
    const otherMember = memberById.get(other);
    if (!otherMember) continue;
    const requester = p.role === "requester" ? viewer : otherMember;
    const recipient = p.role === "requester" ? otherMember : viewer;
    out.set(other, {
      requesterId: requester.id,
      recipientId: recipient.id,
      recipientName: recipient.name,
      policy: viewerPolicy ?? p.policyOverride ?? policyFromRow(f.policies.get(other), p.settings),
      interactions: byOther.get(other) ?? [],
      requesterCreatedAt: requester.createdAt,
      relation: {
        blocked: blocked.has(other),
        connected: connected.has(other),
        pendingOutgoing: pendingPairs.has(`${requester.id}>${recipient.id}`),
        pendingIncoming: pendingPairs.has(`${recipient.id}>${requester.id}`),
        cooldownUntil: cooldownByOther.get(other) ?? null,
      },
      now: p.now,
    });
  }
  return out;
}
