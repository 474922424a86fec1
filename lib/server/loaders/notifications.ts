import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listNotifications } from "@/lib/server/queries/notifications";
import { requireMemberPage } from "@/lib/server/auth/session";
import { dateFormat } from "./date-format";

/** /notifications */
export async function loadNotificationsPage(cursor: string | null) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const list = await listNotifications(await getDb(), { memberId: viewer.id, cursor, selfHandle: viewer.handle, formatDate: (await dateFormat()).date });
  return { viewer, now, ...list };
}
