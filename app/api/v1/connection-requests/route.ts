import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { listRequestsForApi } from "@/lib/server/api/lists";
import { loadRequestOut } from "@/lib/server/api/requests";
import { toRequestOut } from "@/lib/server/api/present/social";
import { listRequestsRoute, sendRequestRoute } from "@/lib/server/api/spec/social";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(sendRequestRoute, async ({ viewer, body, now }) => {
  const sent = await sendRequest(await getDb(), { requesterId: viewer.id, input: body, now });
  return { ...(await loadRequestOut(viewer.id, sent.requestId, now)), outcome: sent.kind };
});

export const GET = apiRoute(listRequestsRoute, async ({ viewer, query, now }) => {
  const pg = await listRequestsForApi(viewer.id, query, now);
  return { items: pg.items.map(toRequestOut), nextCursor: pg.nextCursor };
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
