import "server-only";
import { redirect } from "next/navigation";
import { systemNow } from "@/lib/server/clock";
import { getDb } from "@/lib/server/db";
import { loadDashboard, type Dashboard } from "@/lib/server/queries/dashboard";
import { loadFirstSteps } from "@/lib/server/queries/first-steps";
import { getViewer } from "@/lib/server/auth/session";
import { appSettings, viewerCounts } from "./request-cache";
import { loadDashboardSuggestions } from "./people";

/** Below this many relationships (every tab together), the dashboard suggests three people to warm up with. */
export const FEW_RELATIONSHIPS = 5;

/** `/`: the landing page when signed out (`dashboard` null), else the viewer's dashboard at one `now`. */
export async function loadHomePage() {
  const viewer = await getViewer();
  if (!viewer) return { viewer: null, dashboard: null, now: null, suggestions: [], firstSteps: null };
  if (viewer.suspended) redirect("/suspended");
  const now = systemNow();
  const dashboard = await loadDashboard(await getDb(), {
    viewerId: viewer.id,
    now,
    settings: await appSettings(),
    selfHandle: viewer.handle,
    counts: viewerCounts(viewer.id),
  });
  const total = Object.values(dashboard.counts).reduce((a, b) => a + b, 0);
  const [suggestions, steps] = await Promise.all([
    total < FEW_RELATIONSHIPS ? loadDashboardSuggestions(viewer.id, now) : [],
    isEmpty(dashboard) ? loadFirstSteps(await getDb(), { memberId: viewer.id }) : null,
  ]);
  // Shown on an empty dashboard until all three are done.
  const firstSteps = steps && !(steps.protocol && steps.people && steps.post) ? steps : null;
  return { viewer, dashboard, now, suggestions, firstSteps };
}

/** Nothing in any column: no relationships, no requests either way. */
function isEmpty(d: Dashboard): boolean {
  return Object.values(d.counts).every((n) => n === 0) && d.pending.incoming === 0 && d.pending.outgoing === 0;
}
