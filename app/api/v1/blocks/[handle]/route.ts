import { apiRoute } from "@/lib/server/api/handler";
import { unblockRoute } from "@/lib/server/api/spec/social";
import { unblockMember } from "@/lib/server/services/blocks/unblock";

export const DELETE = apiRoute(unblockRoute, async ({ viewer, params, now }) => {
  await unblockMember(viewer.id, { handle: params.handle }, { now });
});
