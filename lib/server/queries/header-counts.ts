import "server-only";
import type { Tx } from "@/lib/server/db";

/** The two badges in the header, in one round trip. */
export async function headerCounts(db: Tx, p: { memberId: string; now: Date }): Promise<{ incoming: number; unread: number }> {
  const { memberId, now } = p;
  const [incoming, unread] = await Promise.all([
    db.connectionRequest.count({ where: { recipientId: memberId, status: "pending", expiresAt: { gt: now } } }),
    db.notification.count({ where: { memberId, readAt: null } }),
  ]);
  return { incoming, unread };
}
