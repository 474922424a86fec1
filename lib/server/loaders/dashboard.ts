import "server-only";
import { redirect } from "next/navigation";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { loadDashboard } from "@/lib/server/queries/dashboard";
import { getViewer } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";
import { loadDashboardSuggestions } from "./people";

/** Below this many relationships (every tab together), the dashboard suggests three people to warm up with. */
export const FEW_RELATIONSHIPS = 5;

/** `/`: the landing page when signed out (`dashboard` null), else the viewer's dashboard at one `now`. */
export async function loadHomePage() {
  const viewer = await getViewer();
  if (!viewer) return { viewer: null, dashboard: null, now: null, suggestions: [] };
  if (viewer.suspended) redirect("/suspended");
  const now = systemNow();
  const dashboard = await loadDashboard(await getDb(), { viewerId: viewer.id, now, settings: await appSettings(), selfHandle: viewer.handle });
  const total = Object.values(dashboard.counts).reduce((a, b) => a + b, 0);
  const suggestions = total < FEW_RELATIONSHIPS ? await loadDashboardSuggestions(viewer.id, now) : [];
  return { viewer, dashboard, now, suggestions };
}
