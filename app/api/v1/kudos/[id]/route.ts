import { apiRoute } from "@/lib/server/api/handler";
import { deleteKudosRoute } from "@/lib/server/api/spec/members";
import { deleteKudos } from "@/lib/server/services/kudos/delete-kudos";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const DELETE = apiRoute(deleteKudosRoute, async ({ viewer, params, now }) => {
  await deleteKudos(await getDb(), { authorId: viewer.id, kudosId: params.id, now });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
