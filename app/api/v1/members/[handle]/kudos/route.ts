import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { decodeOffset, slicePage } from "@/lib/server/api/cursor";
import { withApiFieldNames } from "@/lib/server/api/fields";
import { visibleMember } from "@/lib/server/api/lookups";
import { toKudosOut } from "@/lib/server/api/present/content";
import { giveKudosRoute, listKudosRoute } from "@/lib/server/api/spec/members";
import { listKudos } from "@/lib/server/queries/kudos-wall";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(listKudosRoute, async ({ viewer, params, query }) => {
  const member = await visibleMember(params.handle, viewer.id);
  const offset = decodeOffset(query.cursor);
  const { items } = await listKudos(await getDb(), { recipientId: member.id, viewerId: viewer.id, limit: offset + query.limit + 1 });
  const pg = slicePage(items, offset, query.limit);
  return { items: pg.items.map(toKudosOut), nextCursor: pg.nextCursor };
});

export const POST = apiRoute(giveKudosRoute, async ({ viewer, params, body, now }) => {
  const kudos = await withApiFieldNames(async () => giveKudos(await getDb(), { authorId: viewer.id, input: { recipientHandle: params.handle, body: body.body }, now }), {
    recipientHandle: null,
  });
  return toKudosOut(kudos);
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
