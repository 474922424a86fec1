import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listAboutViewer, listAwaitingConfirmation, listLoggedByViewer } from "@/lib/server/queries/interactions-list";
import { listOpenOffers } from "@/lib/server/queries/interaction-offers";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/** /interactions: what Rapport found for the viewer to add, what awaits their confirmation, what they logged, what others did toward them. */
export async function loadInteractionsPage() {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const [db, settings] = await Promise.all([getDb(), appSettings()]);
  const [awaiting, mine, about, offers] = await Promise.all([
    listAwaitingConfirmation(db, { viewerId: viewer.id }),
    listLoggedByViewer(db, { viewerId: viewer.id }),
    listAboutViewer(db, { viewerId: viewer.id, now, settings }),
    listOpenOffers(db, { actorId: viewer.id, now }),
  ]);
  return { viewer, now, awaiting, mine, about, offers };
}
