import "server-only";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "./warmup-inputs";
import type { Policy } from "@/lib/warmup/types";

/** A member's effective protocol (standard when they never chose one). */
export async function loadPolicy(db: Tx, memberId: string): Promise<Policy> {
  const [row, settings] = await Promise.all([db.policy.findUnique({ where: { memberId } }), getAppSettings(db)]);
  return policyFromRow(row, settings);
}
