import "server-only";
import type { Db } from "@/lib/db/create-client";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "@/lib/server/queries/policy";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { parseInput } from "@/lib/server/validation";
import { ZPolicyUpdate, type TPolicyUpdate, type TPolicyUpdateInput } from "@/lib/validation/policy";
import type { Policy } from "@/lib/warmup/types";
import { markSummariesStale } from "@/lib/server/services/summaries/mark-stale";

export function parsePolicyUpdate(input: TPolicyUpdateInput): TPolicyUpdate {
  return parseInput(ZPolicyUpdate, input, { message: "Please check the highlighted fields." });
}

/**
 * The policy an update would produce, without saving: used by the live preview. Stored
 * custom criteria are kept when switching to a preset, so switching back restores them.
 */
export function draftPolicy(current: Record<string, unknown> | null, update: TPolicyUpdate, settings: Parameters<typeof policyFromRow>[1]): Policy {
  return policyFromRow({ ...(current ?? {}), ...update }, settings);
}

/** Saves a member's protocol; the next evaluation (including a send in flight after commit) uses it. */
export async function updatePolicy(db: Db, { memberId, input, now }: { memberId: string; input: TPolicyUpdateInput; now: Date }): Promise<Policy> {
  const update = parsePolicyUpdate(input);
  return db.$transaction(async (tx) => {
    const row = await tx.policy.upsert({
      where: { memberId },
      create: { memberId, ...update },
      update,
    });
    // Every pair judged by this protocol: evaluated afresh when read, rewritten by the job worker.
    await markSummariesStale(tx, { recipientId: memberId });
    await recordAudit(tx, { actorId: memberId, action: "policy.updated", subjectType: "member", subjectId: memberId, data: update, at: now });
    return policyFromRow(row, await getAppSettings(tx));
  });
}
