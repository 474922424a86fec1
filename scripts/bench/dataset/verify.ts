import type { Exec } from "./sql-writer";
import { ts } from "./sql-writer";
import { DAY } from "@/lib/warmup/time";

/**
 * Checks, on the written data, the rules the seed promises to keep — so a change to the
 * generator that breaks one is seen at once, not as a strange benchmark figure later.
 */
export async function verifySeed(exec: Exec, now: number): Promise<{ facts: Record<string, number>; problems: string[] }> {
  const since = ts(now - 180 * DAY);
  const one = async (sql: string, params: unknown[] = []) => Number(Object.values((await exec(sql, params)).rows[0] ?? {})[0] ?? 0);
  const related = (handle: string) =>
    one(
      `WITH me AS (SELECT id FROM member WHERE handle = $1)
       SELECT count(*) FROM (
         SELECT target_id AS other FROM interaction, me WHERE actor_id = me.id AND occurred_at >= $2::timestamp
         UNION SELECT actor_id FROM interaction, me WHERE target_id = me.id AND occurred_at >= $2::timestamp) x`,
      [handle, since],
    );
  const facts: Record<string, number> = {
    heavyRelated: await related("heavy"),
    heavyBothWays: await one(
      `WITH me AS (SELECT id FROM member WHERE handle = 'heavy')
       SELECT count(*) FROM (
         SELECT target_id FROM interaction, me WHERE actor_id = me.id AND occurred_at >= $1::timestamp
         INTERSECT SELECT actor_id FROM interaction, me WHERE target_id = me.id AND occurred_at >= $1::timestamp) x`,
      [since],
    ),
    rel10Related: await related("rel10"),
    rel100Related: await related("rel100"),
    rel1000Related: await related("rel1000"),
    maxRequestsIn7Days: await one(
      `SELECT coalesce(max(c), 0) FROM (SELECT count(*) OVER (PARTITION BY requester_id ORDER BY created_at
         RANGE BETWEEN interval '7 days' PRECEDING AND CURRENT ROW) AS c FROM connection_request) x`,
    ),
    maxPendingOutgoing: await one(`SELECT coalesce(max(c), 0) FROM (SELECT count(*) c FROM connection_request WHERE status = 'pending' GROUP BY requester_id) x`),
    pendingPastExpiry: await one(`SELECT count(*) FROM connection_request WHERE status = 'pending' AND expires_at <= $1::timestamp`, [ts(now)]),
    acceptedWithoutConnection: await one(
      `SELECT count(*) FROM connection_request r WHERE r.status = 'accepted' AND NOT EXISTS (
         SELECT 1 FROM connection c WHERE (c.member_a_id, c.member_b_id) IN ((r.requester_id, r.recipient_id), (r.recipient_id, r.requester_id)))`,
    ),
    pendingBetweenConnected: await one(
      `SELECT count(*) FROM connection_request r JOIN connection c
         ON (c.member_a_id, c.member_b_id) IN ((r.requester_id, r.recipient_id), (r.recipient_id, r.requester_id))
       WHERE r.status = 'pending'`,
    ),
  };
  const problems: string[] = [];
  if (facts.heavyBothWays < 500) problems.push(`heavy has interactions both ways with ${facts.heavyBothWays} members (wanted ≥ 500)`);
  for (const [k, n] of [["rel10Related", 10], ["rel100Related", 100], ["rel1000Related", 1000]] as const) {
    if (facts[k] !== n) problems.push(`${k} = ${facts[k]} (wanted ${n})`);
  }
  if (facts.maxRequestsIn7Days > 20) problems.push(`a member sent ${facts.maxRequestsIn7Days} requests in 7 days (limit 20)`);
  if (facts.maxPendingOutgoing > 50) problems.push(`a member has ${facts.maxPendingOutgoing} pending requests (cap 50)`);
  for (const k of ["pendingPastExpiry", "acceptedWithoutConnection", "pendingBetweenConnected"]) {
    if (facts[k] !== 0) problems.push(`${k} = ${facts[k]} (wanted 0)`);
  }
  return { facts, problems };
}
