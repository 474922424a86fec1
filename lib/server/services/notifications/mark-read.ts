import "server-only";
import type { Db } from "@/lib/db/create-client";

/** Marks every unread notification of the member as read; returns how many changed. */
export async function markAllNotificationsRead(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { memberId, readAt: null }, data: { readAt: now } });
  return count;
}
