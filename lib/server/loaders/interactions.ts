import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listAboutViewer, listAwaitingConfirmation, listLoggedByViewer } from "@/lib/server/queries/interactions-list";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/** /interactions: what awaits the viewer's confirmation, what they logged, what others did toward them. */
export async function loadInteractionsPage() {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const [db, settings] = await Promise.all([getDb(), appSettings()]);
  const [awaiting, mine, about] = await Promise.all([listAwaitingConfirmation(db, { viewerId: viewer.id }), listLoggedByViewer(db, { viewerId: viewer.id }), listAboutViewer(db, { viewerId: viewer.id, now, settings })]);
  return { viewer, now, awaiting, mine, about };
}
