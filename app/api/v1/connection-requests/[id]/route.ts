import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { apiRoute } from "@/lib/server/api/handler";
import { summary } from "@/lib/server/api/present/common";
import { toRequestOut, toSnapshotOut } from "@/lib/server/api/present/social";
import { getRequestRoute } from "@/lib/server/api/spec/social";
import { findMutualConnections } from "@/lib/server/queries/mutual-connections";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { findRequestForViewer } from "@/lib/server/queries/requests";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { getAppSettings } from "@/lib/server/settings";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getRequestRoute, async ({ viewer, params, now }) => {
  const db = await getDb();
  const settings = await getAppSettings(db);
  const r = await findRequestForViewer(db, { viewerId: viewer.id, requestId: params.id, now });
  if (!r) throw notFound("That request");
  const isRecipient = r.viewerRole === "recipient";
  const other = r.member.id;
  // Always judged under the recipient's protocol: it is their gate the request passed.
  const role = isRecipient ? "recipient" : "requester";
  const [history, evaluationNow, mutual] = await Promise.all([
    loadPairHistory(db, { viewerId: viewer.id, otherId: other, now, settings, role }),
    isRecipient && r.status === "pending" ? evaluatePair(db, { viewerId: viewer.id, otherId: other, role, now, settings }) : Promise.resolve(null),
    findMutualConnections(db, { a: viewer.id, b: other }),
  ]);
  return {
    ...toRequestOut(r),
    viewerRole: r.viewerRole,
    requester: {
      ...summary(r.requester),
      bio: r.requester.bio,
      location: r.requester.location,
      createdAt: r.requester.createdAt.toISOString(),
    },
    recipient: summary(r.recipient),
    snapshot: isRecipient ? toSnapshotOut(r.snapshot) : null,
    evaluationNow,
    history,
    mutualConnections: mutual.members.map(summary),
  };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
