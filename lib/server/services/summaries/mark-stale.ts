import "server-only";
import type { Tx } from "@/lib/server/db";
import type { PresetName } from "@/lib/warmup/types";
import { EPOCH } from "./refresh-pairs";

/**
 * Marks summaries stale in one statement, for changes that reach many pairs at once: a
 * member's protocol (every pair judged by it: `recipientId`), or the admin's preset
 * definitions (every pair judged by a member on one of `presets`; members without a stored
 * protocol are on "standard"). Stale rows are due at once: evaluated afresh when read and
 * rewritten by the job worker.
 */
export async function markSummariesStale(
  tx: Tx,
  p: { recipientId: string } | { presets: readonly PresetName[] },
): Promise<number> {
  if ("recipientId" in p) {
    return tx.$executeRaw`UPDATE relationship_summary SET stale = true, valid_until = ${EPOCH} WHERE recipient_id = ${p.recipientId}`;
  }
  if (p.presets.length === 0) return 0;
  const presets = [...p.presets];
  const standard = presets.includes("standard");
  return tx.$executeRaw`
    UPDATE relationship_summary AS s SET stale = true, valid_until = ${EPOCH}
    WHERE s.recipient_id IN (SELECT member_id FROM policy WHERE preset = ANY(${presets}::text[]))
       OR (${standard} AND NOT EXISTS (SELECT 1 FROM policy WHERE member_id = s.recipient_id))`;
}
