import "server-only";
import type { Tx } from "@/lib/server/db";
import { policyFromRow } from "@/lib/server/queries/policy";
import type { EngineInteraction, EvaluateInput, Policy } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";
import {
  readMembersWithPolicies,
  readPairInteractions,
  readRelationFacts,
  windowStart,
  type MemberFacts,
  type PairRole,
  type RelationFacts,
} from "./warmup-facts";

export { toEngineInteraction, type PairRole, type RelatedMember } from "./warmup-facts";


type Facts = {
  members: MemberFacts[];
  /** stored policy rows (engine fields), by member id */
  policies: Map<string, Record<string, unknown>>;
  interactions: EngineInteraction[];
} & RelationFacts;

/**
 * Everything evaluate() needs for the viewer and each of `otherIds`, in three statements
 * whatever the number of others (members with their policies, interactions, relation
 * facts). role "requester": viewer → other under the other's policy (profile, API, send);
 * role "recipient": other → viewer under the viewer's policy (request review, protocol
 * preview). `policyOverride` replaces the stored policy (a send under the policy it just
 * read, a draft preview). Callers pass a few others (at most 50: a page of interactions, a
 * protocol preview); lists of many pairs read stored summaries (queries/relationships.ts).
 */
export async function loadWarmupInputs(
  db: Tx,
  p: { viewerId: string; otherIds: string[]; role: PairRole; now: Date; settings: TAppSettings; policyOverride?: Policy },
): Promise<Map<string, EvaluateInput>> {
  const others = [...new Set(p.otherIds)].filter((id) => id !== p.viewerId);
  if (others.length === 0) return new Map();
  const { viewerId, now } = p;
  const [members, interactions, facts] = await Promise.all([
    readMembersWithPolicies(db, { ids: [viewerId, ...others] }),
    readPairInteractions(db, { viewerId, others, since: windowStart(now) }),
    readRelationFacts(db, { viewerId, others, role: p.role, now }),
  ]);
  return assemble(viewerId, others, p, { members: members.facts, policies: members.policies, interactions, ...facts });
}

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
      recipientHasPosts: recipient.hasPosts,
    });
  }
  return out;
}
