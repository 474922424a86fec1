import { apiRoute } from "@/lib/server/api/handler";
import { readNotificationsRoute } from "@/lib/server/api/spec/social";
import { markAllNotificationsRead } from "@/lib/server/services/notifications/mark-read";

export const POST = apiRoute(readNotificationsRoute, async ({ viewer, now }) => ({
  marked: await markAllNotificationsRead(viewer.id, { now }),
}));
