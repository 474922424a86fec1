import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { DirectedPair } from "@/lib/server/queries/pair-inputs";
import { refreshSummaries } from "./refresh-pairs";

/**
 * The job worker's part: rewrites up to `limit` due summaries (stale, or past valid_until),
 * oldest first, in one transaction. Rows another transaction holds are skipped (SKIP
 * LOCKED), so several workers share the backlog without waiting on each other or on writes.
 */
export async function refreshDueSummaries(db: Db, p: { now: Date; limit: number }): Promise<{ refreshed: number }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ requester_id: string; recipient_id: string }[]>`
      SELECT requester_id, recipient_id FROM relationship_summary
      WHERE valid_until <= ${p.now}
      ORDER BY valid_until
      LIMIT ${p.limit}
      FOR UPDATE SKIP LOCKED`;
    const pairs: DirectedPair[] = rows.map((r) => [r.requester_id, r.recipient_id]);
    const done = await refreshSummaries(tx, { pairs, now: p.now, locked: true });
    return { refreshed: done.size };
  });
}

/** Refreshes every due summary (seeds, `npm run summaries:refresh`): batches until none is left. */
export async function refreshAllDueSummaries(db: Db, p: { now: Date; batch?: number }): Promise<{ refreshed: number }> {
  let refreshed = 0;
  for (;;) {
    const r = await refreshDueSummaries(db, { now: p.now, limit: p.batch ?? 500 });
    refreshed += r.refreshed;
    if (r.refreshed === 0) return { refreshed };
  }
}
