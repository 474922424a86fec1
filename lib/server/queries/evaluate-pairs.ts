import "server-only";
import type { Tx } from "@/lib/server/db";
import { loadWarmupInputs, type PairRole } from "@/lib/server/queries/warmup-inputs";
import { evaluate } from "@/lib/warmup/evaluate";
import type { Evaluation, Policy } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type EvaluatePairsParams = {
  viewerId: string;
  otherIds: string[];
  now: Date;
  /** "requester" (default): the viewer warming up to each; "recipient": each warming up to the viewer */
  role?: PairRole;
  /** judge by this policy instead of the stored one (a draft, or one already read under a lock) */
  policyOverride?: Policy;
  /** the app settings in force (read once by the caller, shared with its other reads) */
  settings: TAppSettings;
};

/**
 * Evaluations between the viewer and each of `otherIds` in a fixed number of queries.
 * role "requester": how warm the viewer is toward each (their policies);
 * role "recipient": how warm each is toward the viewer (the viewer's policy, or a draft).
 */
export async function evaluatePairs(db: Tx, p: EvaluatePairsParams): Promise<Map<string, Evaluation>> {
  const inputs = await loadWarmupInputs(db, {
    viewerId: p.viewerId,
    otherIds: p.otherIds,
    role: p.role ?? "requester",
    now: p.now,
    settings: p.settings,
    policyOverride: p.policyOverride,
  });
  const out = new Map<string, Evaluation>();
  for (const [other, input] of inputs) out.set(other, evaluate(input));
  return out;
}

/** One pair's evaluation; null when the other member is not there. */
export async function evaluatePair(
  db: Tx,
  p: Omit<EvaluatePairsParams, "otherIds"> & { otherId: string },
): Promise<Evaluation | null> {
  const { otherId, ...rest } = p;
  return (await evaluatePairs(db, { ...rest, otherIds: [otherId] })).get(otherId) ?? null;
}
