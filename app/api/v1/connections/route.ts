import { apiRoute } from "@/lib/server/api/handler";
import { listConnectionsForApi } from "@/lib/server/api/lists";
import { toConnectionOut } from "@/lib/server/api/present/social";
import { listConnectionsRoute } from "@/lib/server/api/spec/social";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listConnectionsRoute, async ({ viewer, query }) => {
  const pg = await listConnectionsForApi(viewer.id, query);
  return { items: pg.items.map(toConnectionOut), nextCursor: pg.nextCursor };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
