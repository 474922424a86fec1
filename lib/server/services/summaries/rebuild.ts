import "server-only";
import type { Db } from "@/lib/db/create-client";
import { EPOCH } from "./refresh-pairs";
import { refreshAllDueSummaries } from "./refresh-due";

/**
 * Rebuilds every summary from the data: a row for both directions of every pair with
 * anything between them (interactions, requests, connections, blocks) is created where
 * missing, every row is marked due, and all are recomputed in batches. For data written
 * outside the services (seeds, imports, a restore) and for `npm run summaries:rebuild`.
 * Safe while the app runs: each batch is its own transaction, and rows a write holds are
 * skipped and left to it.
 */
export async function rebuildSummaries(db: Db, p: { now: Date; batch?: number }): Promise<{ refreshed: number }> {
  await db.$executeRaw`
    INSERT INTO relationship_summary (requester_id, recipient_id, status, percent, gate_met, points, interactions, valid_until, computed_at, stale)
    SELECT a, b, 'cold', 0, false, 0, 0, ${EPOCH}::timestamp(3), ${p.now}::timestamp(3), true
    FROM (
      SELECT actor_id AS a, target_id AS b FROM interaction
      UNION SELECT target_id, actor_id FROM interaction
      UNION SELECT requester_id, recipient_id FROM connection_request
      UNION SELECT recipient_id, requester_id FROM connection_request
      UNION SELECT member_a_id, member_b_id FROM connection
      UNION SELECT member_b_id, member_a_id FROM connection
      UNION SELECT blocker_id, blocked_id FROM block
      UNION SELECT blocked_id, blocker_id FROM block
    ) pairs
    WHERE a <> b
    ON CONFLICT (requester_id, recipient_id) DO NOTHING`;
  await db.$executeRaw`UPDATE relationship_summary SET stale = true, valid_until = ${EPOCH}`;
  return refreshAllDueSummaries(db, { now: p.now, batch: p.batch });
}
