import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { iso, summary } from "@/lib/server/api/present/common";
import { toNotificationOut } from "@/lib/server/api/present/social";
import { dashboardRoute } from "@/lib/server/api/spec/accounts";
import { loadDashboard, type DashboardRelationship } from "@/lib/server/queries/dashboard";

const relationship = (r: DashboardRelationship) => ({ member: summary(r.member), evaluation: r.evaluation, nextStep: r.nextStep });

export const GET = apiRoute(dashboardRoute, async ({ viewer, now }) => {
  const d = await loadDashboard(await getDb(), { viewerId: viewer.id, now, selfHandle: viewer.handle });
  return {
    incoming: d.incoming.map((r) => ({ id: r.id, member: summary(r.member), note: r.note, createdAt: iso(r.createdAt) })),
    outgoing: d.outgoing.map((r) => ({ id: r.id, member: summary(r.member), createdAt: iso(r.createdAt), expiresAt: iso(r.expiresAt) })),
    ready: d.ready.map(relationship),
    warming: d.warming.map(relationship),
    activity: d.activity.map(toNotificationOut),
  };
});
