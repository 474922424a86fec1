import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { policyFromRow } from "@/lib/server/queries/policy";
import { getAppSettings, SETTINGS_TEXT, settingsFromText } from "@/lib/server/settings";
import type { EngineInteraction, EvaluateInput } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { PACK, membersWithPolicies, parseMembers, unpackInteractions, windowStart, type RelatedMember } from "./warmup-facts";

/** A directed pair: the requester warming up to the recipient (under the recipient's protocol). */
export type DirectedPair = readonly [requesterId: string, recipientId: string];

export const directedKey = (requesterId: string, recipientId: string) => `${requesterId}>${recipientId}`;

export type PairInput = {
  input: EvaluateInput;
  /** instants the facts change outside the engine's input: pending requests' expiry */
  changesAt: Date[];
  requester: RelatedMember;
  recipient: RelatedMember;
};

/**
 * Evaluation inputs for any set of directed pairs — one member's few, or a batch of the job
 * worker's — in ONE statement: the interactions either way of every pair (packed, in the
 * order the engine takes them), both members with their policies, connections, blocks,
 * pending requests with their expiry, cooldowns, and the app settings in force (`settings`
 * in the result: the ones the inputs were built with). Pairs whose members are gone are
 * left out.
 */
export async function loadPairInputs(
  db: Tx,
  p: { pairs: readonly DirectedPair[]; now: Date },
): Promise<{ inputs: Map<string, PairInput>; settings: TAppSettings }> {
  const { now } = p;
  const pairs = p.pairs.filter(([a, b]) => a !== b);
  if (pairs.length === 0) return { inputs: new Map(), settings: await getAppSettings(db) };
  const requesters = pairs.map(([a]) => a);
  const recipients = pairs.map(([, b]) => b);
  const [row] = await db.$queryRaw<
    { packed: string | null; members: string; relations: string; settings: string | null }[]
  >`
    WITH want AS (SELECT * FROM unnest(${requesters}::text[], ${recipients}::text[]) AS w(requester, recipient)),
    pr AS (SELECT requester AS a, recipient AS b FROM want UNION SELECT recipient, requester FROM want),
    i AS MATERIALIZED (
      SELECT i.id, i.actor_id, i.target_id, i.kind, i.source, i.weight, i.occurred_at, i.verification
      FROM interaction i JOIN pr ON i.actor_id = pr.a AND i.target_id = pr.b
      WHERE i.occurred_at >= ${windowStart(now)}
    )
    SELECT
      (SELECT ${PACK} FROM (SELECT * FROM i ORDER BY occurred_at, id) i) AS packed,
      (${membersWithPolicies(Prisma.sql`ARRAY(SELECT a FROM pr)`)}) AS members,
      json_build_array(
        (SELECT coalesce(json_agg(json_build_array(c.member_a_id, c.member_b_id)), '[]')
          FROM connection c JOIN pr ON c.member_a_id = pr.a AND c.member_b_id = pr.b),
        (SELECT coalesce(json_agg(json_build_array(k.blocker_id, k.blocked_id)), '[]')
          FROM block k JOIN pr ON k.blocker_id = pr.a AND k.blocked_id = pr.b),
        (SELECT coalesce(json_agg(json_build_array(r.requester_id, r.recipient_id, (extract(epoch FROM r.expires_at) * 1000)::bigint)), '[]')
          FROM connection_request r JOIN pr ON r.requester_id = pr.a AND r.recipient_id = pr.b
          WHERE r.status = 'pending' AND r.expires_at > ${now}),
        (SELECT coalesce(json_agg(json_build_array(requester_id, recipient_id, until)), '[]') FROM (
          SELECT r.requester_id, r.recipient_id, (extract(epoch FROM max(r.cooldown_until)) * 1000)::bigint AS until
          FROM connection_request r JOIN pr ON r.requester_id = pr.a AND r.recipient_id = pr.b
          WHERE r.cooldown_until > ${now}
          GROUP BY 1, 2) c)
      )::text AS relations,
      ${SETTINGS_TEXT} AS settings`;

  const settings = settingsFromText(row?.settings);
  const { display, facts, policies } = parseMembers(row?.members);
  const createdAt = new Map(facts.map((m) => [m.id, m.createdAt]));
  const authors = new Set(facts.filter((m) => m.hasPosts).map((m) => m.id));
  const [connected, blocked, pending, cooldowns] = JSON.parse(row?.relations ?? "[[],[],[],[]]") as [
    [string, string][],
    [string, string][],
    [string, string, number][],
    [string, string, number][],
  ];
  const unordered = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const byPair = new Map<string, EngineInteraction[]>();
  for (const it of unpackInteractions(row?.packed ?? null)) {
    const key = unordered(it.actorId, it.targetId);
    let list = byPair.get(key);
    if (!list) byPair.set(key, (list = []));
    list.push(it);
  }
  const connectedSet = new Set(connected.map(([a, b]) => unordered(a, b)));
  const blockedSet = new Set(blocked.map(([a, b]) => unordered(a, b)));
  const pendingBy = new Map(pending.map(([a, b, at]) => [directedKey(a, b), new Date(at)]));
  const cooldownBy = new Map(cooldowns.map(([a, b, at]) => [directedKey(a, b), new Date(at)]));

  const inputs = new Map<string, PairInput>();
  for (const [requesterId, recipientId] of pairs) {
    const requester = display.get(requesterId);
    const recipient = display.get(recipientId);
    if (!requester || !recipient) continue;
    const key = unordered(requesterId, recipientId);
    const out = pendingBy.get(directedKey(requesterId, recipientId));
    const back = pendingBy.get(directedKey(recipientId, requesterId));
    inputs.set(directedKey(requesterId, recipientId), {
      input: {
        requesterId,
        recipientId,
        recipientName: recipient.name,
        policy: policyFromRow(policies.get(recipientId), settings),
        interactions: byPair.get(key) ?? [],
        requesterCreatedAt: createdAt.get(requesterId)!,
        relation: {
          blocked: blockedSet.has(key),
          connected: connectedSet.has(key),
          pendingOutgoing: out !== undefined,
          pendingIncoming: back !== undefined,
          cooldownUntil: cooldownBy.get(directedKey(requesterId, recipientId)) ?? null,
        },
        now,
        weights: settings.weights,
        recipientHasPosts: authors.has(recipientId),
      },
      changesAt: [out, back].filter((d): d is Date => d !== undefined),
      requester,
      recipient,
    });
  }
  return { inputs, settings };
}
