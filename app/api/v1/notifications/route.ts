import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { toNotificationOut } from "@/lib/server/api/present/social";
import { listNotificationsRoute } from "@/lib/server/api/spec/social";
import { listNotifications } from "@/lib/server/queries/notifications";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listNotificationsRoute, async ({ viewer, query }) => {
  const pg = await listNotifications(await getDb(), { memberId: viewer.id, cursor: query.cursor, take: query.limit, selfHandle: viewer.handle });
  return { items: pg.items.map(toNotificationOut), nextCursor: pg.nextCursor, unread: pg.unread };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
