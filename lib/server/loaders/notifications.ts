import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listNotifications } from "@/lib/server/queries/notifications";
import { currentMember } from "./request-cache";

/** /notifications */
export async function loadNotificationsPage(cursor: string | null) {
  const viewer = await currentMember();
  const now = systemNow();
  const list = await listNotifications(await getDb(), { memberId: viewer.id, cursor, selfHandle: viewer.handle });
  return { viewer, now, ...list };
}
