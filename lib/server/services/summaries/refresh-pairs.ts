import "server-only";
import type { Tx } from "@/lib/server/db";
import { directedKey, loadPairInputs, type DirectedPair, type PairInput } from "@/lib/server/queries/pair-inputs";
import { SETTINGS_TEXT, settingsFromText } from "@/lib/server/settings";
import { summarize, type Summary } from "@/lib/warmup/summary";
import type { TAppSettings } from "@/lib/validation/app-settings";
import type { Evaluation, RelationshipStatus } from "@/lib/warmup/types";

/** valid_until of a summary nothing changes by itself (the column is NOT NULL). */
export const NEVER = new Date(Date.UTC(9999, 11, 31));
/** valid_until of a stale row: due at once. */
export const EPOCH = new Date(0);

/** A stored row as it was when locked: its status is only current when `fresh`. */
export type LockedSummary = { status: RelationshipStatus; gateMet: boolean; fresh: boolean };

/** Both directions of each unordered pair, without self-pairs or repeats. */
export function bothWays(pairs: readonly (readonly [string, string])[]): DirectedPair[] {
  const seen = new Set<string>();
  const out: DirectedPair[] = [];
  for (const [a, b] of pairs) {
    if (a === b) continue;
    for (const pair of [[a, b], [b, a]] as const) {
      const key = directedKey(pair[0], pair[1]);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(pair);
      }
    }
  }
  return out;
}

/**
 * Locks the summary rows of these directed pairs until the transaction ends, creating
 * missing ones (stale placeholders, never shown). Taken in one order (by requester, then
 * recipient), so two transactions locking overlapping pairs cannot deadlock on them.
 *
 * This lock is what keeps summaries right under concurrency: a second transaction
 * refreshing the same pair waits here, and then reads (READ COMMITTED: a new snapshot per
 * statement) what the first committed. A protocol or settings change marks rows stale with
 * an UPDATE, which waits for a refresh holding the row, or makes it wait.
 *
 * An existing row is locked without being written: `DO UPDATE … WHERE false` takes the row
 * lock and updates nothing, so the refresh that follows writes the row's only new version
 * (a lock by `SET stale = stale` wrote two, each with its six index entries).
 */
export async function lockSummaries(tx: Tx, p: { pairs: readonly DirectedPair[]; now: Date }): Promise<void> {
  const pairs = p.pairs.filter(([a, b]) => a !== b);
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO relationship_summary AS s
      (requester_id, recipient_id, status, percent, gate_met, points, interactions, valid_until, computed_at, stale)
    SELECT r, c, 'cold', 0, false, 0, 0, ${EPOCH}::timestamp(3), ${p.now}::timestamp(3), true
    FROM unnest(${pairs.map(([a]) => a)}::text[], ${pairs.map(([, b]) => b)}::text[]) AS w(r, c)
    ORDER BY r, c
    ON CONFLICT (requester_id, recipient_id) DO UPDATE SET stale = s.stale WHERE false`;
}

/**
 * One directed pair's stored summary, read after lockSummaries (a new statement, so it sees
 * what a transaction that held the row committed): its status is only current when `fresh`.
 * The same statement reads the app settings in force, which the caller's write needs next
 * (an interaction's weight), so locking a pair costs no statement more than before.
 */
export async function lockedSummary(
  tx: Tx,
  p: { pair: DirectedPair; now: Date },
): Promise<{ summary: LockedSummary | null; settings: TAppSettings }> {
  const [requesterId, recipientId] = p.pair;
  const [r] = await tx.$queryRaw<{ status: string | null; gate_met: boolean | null; fresh: boolean | null; settings: string | null }[]>`
    SELECT s.status, s.gate_met, (NOT s.stale AND s.valid_until > ${p.now}) AS fresh,
      ${SETTINGS_TEXT} AS settings
    FROM (SELECT 1) AS one
      LEFT JOIN relationship_summary s ON s.requester_id = ${requesterId} AND s.recipient_id = ${recipientId}`;
  return {
    summary: r.status === null ? null : { status: r.status as RelationshipStatus, gateMet: r.gate_met === true, fresh: r.fresh === true },
    settings: settingsFromText(r.settings),
  };
}

export type Refreshed = { evaluation: Evaluation; summary: Summary };

/**
 * Evaluates these directed pairs from the interactions themselves and stores the result,
 * inside the caller's transaction (after its write, so the summary reflects it). Three
 * statements whatever the number of pairs: lock (skipped when the caller already holds the
 * rows: `locked`), read, write. Returns each pair's evaluation by directedKey.
 */
export async function refreshSummaries(
  tx: Tx,
  p: { pairs: readonly DirectedPair[]; now: Date; locked?: boolean },
): Promise<Map<string, Refreshed>> {
  if (p.pairs.length === 0) return new Map();
  if (!p.locked) await lockSummaries(tx, p);
  const { inputs } = await loadPairInputs(tx, { pairs: p.pairs, now: p.now });
  return storeSummaries(tx, { inputs: inputs.values(), now: p.now });
}

/**
 * Summarises these inputs and writes them to their rows, which the caller has locked
 * (lockSummaries) and whose facts it read after taking the lock — from loadPairInputs, as
 * refreshSummaries does, or from inputs it read for its own decision and then updated with
 * its own write (a send: the new pending request). One statement. Returns each pair's
 * evaluation by directedKey.
 */
export async function storeSummaries(
  tx: Tx,
  p: { inputs: Iterable<Pick<PairInput, "input" | "changesAt">>; now: Date },
): Promise<Map<string, Refreshed>> {
  const out = new Map<string, Refreshed>();
  const values: unknown[] = [];
  for (const { input, changesAt } of p.inputs) {
    const result = summarize(input, changesAt);
    out.set(directedKey(input.requesterId, input.recipientId), result);
    const s = result.summary;
    values.push({
      r: input.requesterId,
      c: input.recipientId,
      status: s.status,
      percent: s.percent,
      gate: s.gateMet,
      step: s.nextStep,
      points: s.points,
      n: s.interactions,
      lia: s.lastInteractionAt?.getTime() ?? null,
      vu: (s.validUntil ?? NEVER).getTime(),
    });
  }
  if (values.length > 0) {
    await tx.$executeRaw`
      UPDATE relationship_summary AS s SET
        status = v.status, percent = v.percent, gate_met = v.gate, next_step = v.step, points = v.points,
        interactions = v.n,
        last_interaction_at = CASE WHEN v.lia IS NULL THEN NULL ELSE to_timestamp(v.lia / 1000.0) AT TIME ZONE 'UTC' END,
        valid_until = to_timestamp(v.vu / 1000.0) AT TIME ZONE 'UTC',
        computed_at = ${p.now}, stale = false
      FROM json_to_recordset(${JSON.stringify(values)}::json)
        AS v(r text, c text, status text, percent int, gate boolean, step jsonb, points int, n int, lia float8, vu float8)
      WHERE s.requester_id = v.r AND s.recipient_id = v.c`;
  }
  return out;
}

/** Both directions of each pair, refreshed after a write that touched them. */
export function refreshPairs(tx: Tx, p: { pairs: readonly (readonly [string, string])[]; now: Date }) {
  return refreshSummaries(tx, { pairs: bothWays(p.pairs), now: p.now });
}
