import "server-only";
import type { Db } from "@/lib/db/create-client";
import { parseInput } from "@/lib/server/validation";
import { ZMarkShownRead, type TMarkShownReadInput } from "@/lib/validation/notification";

/** Marks every unread notification of the member as read; returns how many changed. */
export async function markAllNotificationsRead(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { memberId, readAt: null }, data: { readAt: now } });
  return count;
}

/**
 * Marks the notifications a page showed as read: only the member's own (ownership is in the
 * `where`), only unread ones (an earlier read time stays). Returns how many changed.
 */
export async function markNotificationsRead(db: Db, { memberId, input, now }: { memberId: string; input: TMarkShownReadInput; now: Date }): Promise<number> {
  const { ids } = parseInput(ZMarkShownRead, input);
  const { count } = await db.notification.updateMany({ where: { memberId, readAt: null, id: { in: ids } }, data: { readAt: now } });
  return count;
}
