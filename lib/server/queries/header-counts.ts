import "server-only";
import { getDb } from "@/lib/server/db";

/** The two badges in the header, in one round trip. */
export async function headerCounts(memberId: string): Promise<{ incoming: number; unread: number }> {
  const db = await getDb();
  const [incoming, unread] = await Promise.all([
    db.connectionRequest.count({ where: { recipientId: memberId, status: "pending", expiresAt: { gt: new Date() } } }),
    db.notification.count({ where: { memberId, readAt: null } }),
  ]);
  return { incoming, unread };
}
