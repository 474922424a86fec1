import "server-only";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { headerCounts } from "@/lib/server/queries/header-counts";
import { getViewer } from "@/lib/server/auth/session";

/** The root layout's header: the viewer and their two badges (none for a suspended member). */
export async function loadLayout() {
  const viewer = await getViewer();
  const counts = viewer && !viewer.suspended ? await headerCounts(await getDb(), { memberId: viewer.id, now: systemNow() }) : null;
  return { viewer, counts };
}
