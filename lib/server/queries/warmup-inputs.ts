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

export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);


type MemberFacts = { id: string; name: string; createdAt: Date };
type Facts = {
  members: MemberFacts[];
  /** stored policy rows (engine fields), by member id */
  policies: Map<string, Record<string, unknown>>;
  interactions: EngineInteraction[];
  connections: { memberAId: string; memberBId: string }[];
  blocks: { blockerId: string; blockedId: string }[];
  pending: { requesterId: string; recipientId: string }[];
  cooldowns: { requesterId: string; recipientId: string; cooldownUntil: Date | null }[];
};

const INTERACTION_SELECT = { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true } as const;

/**
 * The viewer's relation facts (connections, blocks, pending requests, cooldowns) with
 * `some` others (`{ in: ids }`), or with everyone (`undefined`: bounded by the viewer's
 * own rows, so cheaper than a long IN list).
 */
function relationFacts(db: Tx, viewerId: string, some: { in: string[] } | undefined, role: PairRole, now: Date) {
  return Promise.all([
    db.connection.findMany({
      where: { OR: [{ memberAId: viewerId, memberBId: some }, { memberBId: viewerId, memberAId: some }] },
      select: { memberAId: true, memberBId: true },
    }),
    db.block.findMany({
      where: { OR: [{ blockerId: viewerId, blockedId: some }, { blockedId: viewerId, blockerId: some }] },
      select: { blockerId: true, blockedId: true },
    }),
    db.connectionRequest.findMany({
      where: {
        status: "pending",
        expiresAt: { gt: now },
        OR: [
          { requesterId: viewerId, recipientId: some },
          { recipientId: viewerId, requesterId: some },
        ],
      },
      select: { requesterId: true, recipientId: true },
    }),
    db.connectionRequest.findMany({
      where: {
        cooldownUntil: { gt: now },
        ...(role === "requester" ? { requesterId: viewerId, recipientId: some } : { recipientId: viewerId, requesterId: some }),
      },
      select: { requesterId: true, recipientId: true, cooldownUntil: true },
    }),
  ]);
}

/**
 * Every interaction either way between the viewer and anyone since `since`, as one text
 * value ("id,actor,target,kind,source,weight,epoch-ms,verification;…") instead of one row
 * each: for a member with thousands of interactions, mapping rows is most of the cost
 * (measured on 4,228 rows: 24 ms of app CPU as Prisma rows, 8 ms packed, ~4 ms of database).
 * Every field is an id or a fixed vocabulary word, none contains "," or ";" — checked on
 * the way out, so a surprise fails loudly instead of mis-evaluating.
 */
export async function readViewerInteractions(db: Tx, viewerId: string, since: Date): Promise<EngineInteraction[]> {
  const [row] = await db.$queryRaw<{ packed: string | null }[]>`
    SELECT string_agg(concat_ws(',', id, actor_id, target_id, kind, source, weight,
             (extract(epoch FROM occurred_at) * 1000)::bigint, verification), ';') AS packed
    FROM interaction
    WHERE occurred_at >= ${since} AND (actor_id = ${viewerId} OR target_id = ${viewerId})`;
  if (!row?.packed) return [];
  return row.packed.split(";").map((line) => {
    const f = line.split(",");
    if (f.length !== 8) throw new Error(`readViewerInteractions: unexpected row "${line}"`);
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

/**
 * Everything evaluate() needs for the viewer and each of `otherIds`, in seven queries
 * whatever the number of others. role "requester": viewer → other under the other's
 * policy (profile, API, send); role "recipient": other → viewer under the viewer's policy
 * (request review, protocol preview).
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
  const some = wide ? undefined : { in: others };
  const [members, policies, interactions, [connections, blocks, pending, cooldowns]] = await Promise.all([
    db.member.findMany({ where: { id: { in: [viewerId, ...others] } }, select: { id: true, name: true, createdAt: true } }),
    // With an override (a send under the policy it just read, a draft preview) no row is needed.
    p.policyOverride ? Promise.resolve([]) : db.policy.findMany({ where: { memberId: { in: p.role === "requester" ? others : [viewerId] } } }),
    wide
      ? readViewerInteractions(db, viewerId, since)
      : db.interaction.findMany({
          where: { occurredAt: { gte: since }, OR: [{ actorId: viewerId, targetId: some }, { actorId: some, targetId: viewerId }] },
          select: INTERACTION_SELECT,
        }).then((rows) => rows.map(toEngineInteraction)),
    relationFacts(db, viewerId, some, p.role, now),
  ]);
  return assemble(viewerId, others, p, {
    members,
    policies: new Map(policies.map((row) => [row.memberId, row])),
    interactions,
    connections,
    blocks,
    pending,
    cooldowns,
  });
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
 * The viewer's whole network as a requester — everyone they exchanged anything with, either
 * way, inside the longest freshness window, and the other side of their pending requests —
 * with each one's evaluation input and display fields. One round of queries whatever the
 * size of the network; the related set is found by the database (no id list is sent), and
 * the large reads come back packed (see readViewerInteractions).
 */
export async function loadRelatedInputs(
  db: Tx,
  p: { viewerId: string; now: Date; settings?: TAppSettings },
): Promise<{ inputs: Map<string, EvaluateInput>; members: Map<string, RelatedMember> }> {
  const { viewerId, now } = p;
  const since = windowStart(now);
  const [settings, [row], interactions, [connections, blocks, pending, cooldowns]] = await Promise.all([
    p.settings ?? getAppSettings(db),
    db.$queryRaw<{ rows: string }[]>`
      WITH related AS (
        SELECT target_id AS id FROM interaction WHERE actor_id = ${viewerId} AND occurred_at >= ${since}
        UNION SELECT actor_id FROM interaction WHERE target_id = ${viewerId} AND occurred_at >= ${since}
        UNION SELECT recipient_id FROM connection_request WHERE requester_id = ${viewerId} AND status = 'pending' AND expires_at > ${now}
        UNION SELECT requester_id FROM connection_request WHERE recipient_id = ${viewerId} AND status = 'pending' AND expires_at > ${now}
        UNION SELECT ${viewerId}
      )
      SELECT coalesce(json_agg(json_build_array(m.id, m.handle, m.name, m.headline,
               (extract(epoch FROM m.created_at) * 1000)::bigint,
               CASE WHEN p.member_id IS NULL THEN NULL ELSE ${POLICY_JSON} END)), '[]')::text AS rows
      FROM related r JOIN member m ON m.id = r.id LEFT JOIN policy p ON p.member_id = m.id`,
    readViewerInteractions(db, viewerId, since),
    relationFacts(db, viewerId, undefined, "requester", now),
  ]);
  type Row = [id: string, handle: string, name: string, headline: string, createdAtMs: number, policy: Record<string, unknown> | null];
  const rows = JSON.parse(row?.rows ?? "[]") as Row[];
  const members = new Map<string, RelatedMember>();
  const facts: MemberFacts[] = [];
  const policies = new Map<string, Record<string, unknown>>();
  for (const [id, handle, name, headline, createdAtMs, policy] of rows) {
    facts.push({ id, name, createdAt: new Date(createdAtMs) });
    if (policy) policies.set(id, policy);
    if (id !== viewerId) members.set(id, { id, handle, name, headline });
  }
  const inputs = assemble(viewerId, [...members.keys()], { role: "requester", now, settings }, { members: facts, policies, interactions, connections, blocks, pending, cooldowns });
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
  const pendingPairs = new Set(f.pending.map((r) => `${r.requesterId}>${r.recipientId}`));
  const connected = new Set(f.connections.map((c) => (c.memberAId === viewerId ? c.memberBId : c.memberAId)));
  const blocked = new Set(f.blocks.map((b) => (b.blockerId === viewerId ? b.blockedId : b.blockerId)));
  const cooldownByOther = new Map<string, Date>();
  for (const c of f.cooldowns) {
    const other = c.requesterId === viewerId ? c.recipientId : c.requesterId;
    const prev = cooldownByOther.get(other);
    if (c.cooldownUntil && (!prev || c.cooldownUntil > prev)) cooldownByOther.set(other, c.cooldownUntil);
  }
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
