import "server-only";
import { getDb } from "@/lib/server/db";

/** Marks every unread notification of the member as read; returns how many changed. */
export async function markAllNotificationsRead(memberId: string, opts: { now?: Date } = {}): Promise<number> {
  const db = await getDb();
  const { count } = await db.notification.updateMany({ where: { memberId, readAt: null }, data: { readAt: opts.now ?? new Date() } });
  return count;
}
