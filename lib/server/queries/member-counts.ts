import "server-only";
import type { Tx } from "@/lib/server/db";

/** A member's waiting requests, both ways, and unread notifications. */
export type MemberCounts = { incoming: number; outgoing: number; unread: number };

/**
 * The header's badges and the dashboard's request counts in one statement: requests waiting
 * for the member's answer, the member's own requests still waiting (both pending and not
 * expired at `now`), and unread notifications. Each count is an index range scan
 * (connection_request by recipient or requester and status; notification by member).
 */
export async function memberCounts(db: Tx, p: { memberId: string; now: Date }): Promise<MemberCounts> {
  const { memberId, now } = p;
  const rows = await db.$queryRaw<MemberCounts[]>`
    SELECT
      (SELECT count(*)::int FROM connection_request
        WHERE recipient_id = ${memberId} AND status = 'pending' AND expires_at > ${now}) AS incoming,
      (SELECT count(*)::int FROM connection_request
        WHERE requester_id = ${memberId} AND status = 'pending' AND expires_at > ${now}) AS outgoing,
      (SELECT count(*)::int FROM notification WHERE member_id = ${memberId} AND read_at IS NULL) AS unread`;
  const r = rows[0];
  return { incoming: Number(r.incoming), outgoing: Number(r.outgoing), unread: Number(r.unread) };
}
