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

/**
 * Marks both directions of each pair stale, creating the rows where missing: for data
 * written outside the services (test factories, imports), read correctly at any `now`
 * until the worker or the next write computes them.
 */
export async function markPairsStale(tx: Tx, p: { pairs: readonly (readonly [string, string])[] }): Promise<void> {
  const pairs = p.pairs.filter(([a, b]) => a !== b);
  if (pairs.length === 0) return;
  const a = pairs.flatMap(([x, y]) => [x, y]);
  const b = pairs.flatMap(([x, y]) => [y, x]);
  await tx.$executeRaw`
    INSERT INTO relationship_summary AS s
      (requester_id, recipient_id, status, percent, gate_met, points, interactions, valid_until, computed_at, stale)
    SELECT DISTINCT r, c, 'cold', 0, false, 0, 0, ${EPOCH}::timestamp(3), ${EPOCH}::timestamp(3), true
    FROM unnest(${a}::text[], ${b}::text[]) AS w(r, c)
    ON CONFLICT (requester_id, recipient_id) DO UPDATE SET stale = true, valid_until = ${EPOCH}`;
}
