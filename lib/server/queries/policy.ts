import "server-only";
import type { Tx } from "@/lib/server/db";
import { resolvePolicy } from "@/lib/warmup/policy";
import type { Policy, PresetName } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

/** A member's effective protocol (standard when they never chose one) under the settings in force. */
export async function loadPolicy(db: Tx, p: { memberId: string; settings: TAppSettings }): Promise<Policy> {
  const row = await db.policy.findUnique({ where: { memberId: p.memberId } });
  return policyFromRow(row, p.settings);
}

/** Maps a stored policy row (or none: standard) to the engine's policy. */
export function policyFromRow(row: Record<string, unknown> | null | undefined, settings: TAppSettings): Policy {
  return resolvePolicy(
    (row ?? { preset: "standard" }) as { preset: PresetName },
    settings.presets as Partial<Record<PresetName, Policy>>,
  );
}
