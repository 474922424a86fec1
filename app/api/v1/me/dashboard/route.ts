import { getDb } from "@/lib/server/db";
import { apiRoute } from "@/lib/server/api/handler";
import { iso, summary } from "@/lib/server/api/present/common";
import { toNotificationOut } from "@/lib/server/api/present/social";
import { dashboardRoute } from "@/lib/server/api/spec/accounts";
import { loadDashboard } from "@/lib/server/queries/dashboard";
import { toRelationshipOut } from "@/lib/server/api/present/relationships";
import { getAppSettings } from "@/lib/server/settings";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(dashboardRoute, async ({ viewer, now }) => {
  const db = await getDb();
  const d = await loadDashboard(db, { viewerId: viewer.id, now, settings: await getAppSettings(db), selfHandle: viewer.handle });
  return {
    incoming: d.incoming.map((r) => ({ id: r.id, member: summary(r.member), note: r.note, createdAt: iso(r.createdAt) })),
    outgoing: d.outgoing.map((r) => ({ id: r.id, member: summary(r.member), createdAt: iso(r.createdAt), expiresAt: iso(r.expiresAt) })),
    pending: d.pending,
    ready: d.ready.map(toRelationshipOut),
    warming: d.warming.map(toRelationshipOut),
    counts: d.counts,
    activity: d.activity.map(toNotificationOut),
  };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
