import "server-only";
import { getDb, type Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { loadWarmupInputs, type PairRole } from "@/lib/server/queries/warmup-inputs";
import { evaluate } from "@/lib/warmup/evaluate";
import type { Evaluation, Policy } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

/**
 * Evaluations between the viewer and each of `otherIds` in a fixed number of queries.
 * role "requester": how warm the viewer is toward each (their policies);
 * role "recipient": how warm each is toward the viewer (the viewer's policy, or a draft).
 */
export async function evaluatePairs(
  viewerId: string,
  otherIds: string[],
  opts: { role?: PairRole; now?: Date; db?: Tx; policyOverride?: Policy; settings?: TAppSettings } = {},
): Promise<Map<string, Evaluation>> {
  const db = opts.db ?? (await getDb());
  const now = opts.now ?? new Date();
  const settings = opts.settings ?? (await getAppSettings(db));
  const inputs = await loadWarmupInputs(db, {
    viewerId,
    otherIds,
    role: opts.role ?? "requester",
    now,
    settings,
    policyOverride: opts.policyOverride,
  });
  const out = new Map<string, Evaluation>();
  for (const [other, input] of inputs) out.set(other, evaluate(input));
  return out;
}

export async function evaluatePair(viewerId: string, otherId: string, opts: Parameters<typeof evaluatePairs>[2] = {}) {
  return (await evaluatePairs(viewerId, [otherId], opts)).get(otherId) ?? null;
}
