// Small builders so each test states only what matters to it.
import { resolvePolicy } from "../../../lib/warmup/policy";
import type {
  Criteria,
  EngineInteraction,
  EvaluateInput,
  InteractionKind,
  Policy,
  PolicySettings,
  PresetName,
  RelationFacts,
} from "../../../lib/warmup/types";
import { DEFAULT_WEIGHTS } from "../../../lib/warmup/weights";

import { DAY } from "../../../lib/warmup/time";
export { DAY };
export const REQUESTER = "bob";
export const RECIPIENT = "ana";
/** A fixed "now" for every test: 10 Jun 2026, 12:00 UTC. */
export const NOW = new Date("2026-06-10T12:00:00.000Z");

export const at = (iso: string): Date => new Date(iso);
export const daysAgo = (days: number, from: Date = NOW): Date => new Date(from.getTime() - days * DAY);

let seq = 0;

type InteractionOverrides = Partial<EngineInteraction>;

/** An observed, verified interaction from the requester to the recipient, one hour before NOW. */
export function outgoing(kind: InteractionKind = "comment", over: InteractionOverrides = {}): EngineInteraction {
  seq += 1;
  return {
    id: `i${String(seq).padStart(5, "0")}`,
    actorId: REQUESTER,
    targetId: RECIPIENT,
    kind,
    source: kind.startsWith("logged") ? "logged" : kind === "introduction" ? "introduction" : "observed",
    weight: DEFAULT_WEIGHTS[kind],
    occurredAt: new Date(NOW.getTime() - 3_600_000),
    verification: kind.startsWith("logged") ? "confirmed" : "verified",
    ...over,
  };
}

/** The same, from the recipient back to the requester. */
export function incoming(kind: InteractionKind = "comment", over: InteractionOverrides = {}): EngineInteraction {
  return outgoing(kind, { actorId: RECIPIENT, targetId: REQUESTER, ...over });
}

/** One outgoing interaction per given ISO instant. */
export function outgoingAt(kind: InteractionKind, ...isoTimes: string[]): EngineInteraction[] {
  return isoTimes.map((iso) => outgoing(kind, { occurredAt: at(iso) }));
}

export function policy(preset: PresetName = "standard", over: Partial<Criteria & PolicySettings> = {}): Policy {
  return resolvePolicy({ preset, ...over });
}

/** Every criterion off: no points, interactions, days or span needed, nothing required. */
export const ZERO_CRITERIA: Criteria = {
  minPoints: 0,
  minInteractions: 0,
  minDistinctDays: 0,
  minSpanDays: 0,
  requireConversation: false,
  requireReciprocity: false,
};

/** A custom policy with every criterion off unless given. */
export function customPolicy(over: Partial<Criteria & PolicySettings> = {}): Policy {
  return resolvePolicy({ preset: "custom", ...ZERO_CRITERIA, ...over });
}

export const noRelation = (over: Partial<RelationFacts> = {}): RelationFacts => ({
  blocked: false,
  connected: false,
  pendingOutgoing: false,
  pendingIncoming: false,
  cooldownUntil: null,
  ...over,
});

export function evalInput(over: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    requesterId: REQUESTER,
    recipientId: RECIPIENT,
    recipientName: "Ana",
    policy: policy("standard"),
    interactions: [],
    requesterCreatedAt: daysAgo(400),
    relation: noRelation(),
    now: NOW,
    ...over,
  };
}
