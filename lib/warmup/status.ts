import type { RelationshipStatus } from "./types";

export type StatusFacts = {
  self: boolean;
  blocked: boolean;
  connected: boolean;
  pendingIncoming: boolean;
  pendingOutgoing: boolean;
  inCooldown: boolean;
  closed: boolean;
  tooNew: boolean;
  gateMet: boolean;
  anyCounted: boolean;
};

/**
 * One status per pair, the first that applies wins:
 *
 *   self > blocked > connected > incoming > requested > cooldown > closed > too_new
 *        > warm > warming > cold
 *
 * Why this order: facts about the relationship itself (who it is, a block, an existing
 * connection or request) outrank anything about warming up, because they decide what the
 * viewer can do at all. A block hides everything else. An incoming request outranks an
 * outgoing one (answering it is the useful action; the database allows only one anyway).
 * Then come the reasons a request would be refused however warm the pair is (cooldown, a
 * closed protocol, a too-new account) and only then the gate itself.
 */
export function decideStatus(f: StatusFacts): RelationshipStatus {
  if (f.self) return "self";
  if (f.blocked) return "blocked";
  if (f.connected) return "connected";
  if (f.pendingIncoming) return "incoming";
  if (f.pendingOutgoing) return "requested";
  if (f.inCooldown) return "cooldown";
  if (f.closed) return "closed";
  if (f.tooNew) return "too_new";
  if (f.gateMet) return "warm";
  if (f.anyCounted) return "warming";
  return "cold";
}
