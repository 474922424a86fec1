import { describePolicy } from "./describe";
import type { Evaluation, Policy } from "./types";

/**
 * What a request stores about the moment it was sent: the evaluation that allowed it and the
 * recipient's protocol then. Written once, never updated — the recipient reads it as the
 * trace of why the request was possible.
 */
export type RequestSnapshot = {
  version: 1;
  takenAt: string;
  evaluation: Evaluation;
  policy: Policy;
  /** the protocol in the recipient's own voice ("To connect with me: …") */
  policyText: string;
};

export function buildSnapshot(evaluation: Evaluation, policy: Policy, now: Date): RequestSnapshot {
  return { version: 1, takenAt: now.toISOString(), evaluation, policy, policyText: describePolicy(policy) };
}

/** The stored JSON as a snapshot, or null when it is not one we can read (never throws). */
export function readSnapshot(json: unknown): RequestSnapshot | null {
  const s = json as Partial<RequestSnapshot> | null;
  if (!s || typeof s !== "object" || s.version !== 1) return null;
  const e = s.evaluation as Partial<Evaluation> | undefined;
  if (!e || !Array.isArray(e.criteria) || typeof e.percent !== "number") return null;
  return s as RequestSnapshot;
}
