import "server-only";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { resolvePolicy } from "@/lib/warmup/policy";
import type { Policy, PresetName } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

/** A member's effective protocol (standard when they never chose one). Pass `settings` when already read. */
export async function loadPolicy(db: Tx, memberId: string, settings?: TAppSettings): Promise<Policy> {
  const [row, s] = await Promise.all([db.policy.findUnique({ where: { memberId } }), settings ?? getAppSettings(db)]);
  return policyFromRow(row, s);
}

/** Maps a stored policy row (or none: standard) to the engine's policy. */
export function policyFromRow(row: Record<string, unknown> | null | undefined, settings: TAppSettings): Policy {
  return resolvePolicy(
    (row ?? { preset: "standard" }) as { preset: PresetName },
    settings.presets as Partial<Record<PresetName, Policy>>,
  );
}
