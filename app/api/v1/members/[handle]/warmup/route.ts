import { AppError, notFound } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/api/handler";
import { visibleMember } from "@/lib/server/api/lookups";
import { getWarmupRoute } from "@/lib/server/api/spec/members";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getWarmupRoute, async ({ viewer, params, now }) => {
  const member = await visibleMember(params.handle, viewer.id);
  if (member.id === viewer.id) throw new AppError("self", "That's you — warm-up is measured toward other members.");
  const db = await getDb();
  const evaluation = await evaluatePair(db, { viewerId: viewer.id, otherId: member.id, role: "requester", now, settings: await getAppSettings(db) });
  if (!evaluation) throw notFound("That member");
  return evaluation;
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
