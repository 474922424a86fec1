import "server-only";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "@/lib/server/queries/warmup-inputs";
import { parseInput } from "@/lib/server/validation";
import { ZPolicyUpdate, type TPolicyUpdate, type TPolicyUpdateInput } from "@/lib/validation/policy";
import type { Policy } from "@/lib/warmup/types";

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
export async function updatePolicy(memberId: string, input: TPolicyUpdateInput): Promise<Policy> {
  const update = parsePolicyUpdate(input);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.policy.upsert({
      where: { memberId },
      create: { memberId, ...update },
      update,
    });
    await tx.auditEvent.create({ data: { actorId: memberId, action: "policy.updated", subjectType: "member", subjectId: memberId, data: update } });
    return policyFromRow(row, await getAppSettings(tx));
  });
}
