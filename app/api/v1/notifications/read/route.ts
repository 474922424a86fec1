import { apiRoute } from "@/lib/server/api/handler";
import { readNotificationsRoute } from "@/lib/server/api/spec/social";
import { markAllNotificationsRead } from "@/lib/server/services/notifications/mark-read";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(readNotificationsRoute, async ({ viewer, now }) => ({
  marked: await markAllNotificationsRead(await getDb(), { memberId: viewer.id, now }),
}));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
