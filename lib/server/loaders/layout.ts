import "server-only";
import { getViewer } from "@/lib/server/auth/session";
import { viewerCounts } from "./request-cache";

/** The root layout's header: the viewer and their two badges (none for a suspended member). */
export async function loadLayout() {
  const viewer = await getViewer();
  const counts = viewer && !viewer.suspended ? await viewerCounts(viewer.id) : null;
  return { viewer, counts };
}
