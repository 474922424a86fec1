import { apiRoute } from "@/lib/server/api/handler";
import { deleteKudosRoute } from "@/lib/server/api/spec/members";
import { deleteKudos } from "@/lib/server/services/kudos/delete-kudos";

export const DELETE = apiRoute(deleteKudosRoute, async ({ viewer, params, now }) => {
  await deleteKudos(viewer.id, params.id, now);
});
