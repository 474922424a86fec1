import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { apiRoute } from "@/lib/server/api/handler";
import { visibleMember } from "@/lib/server/api/lookups";
import { iso, isoOrNull } from "@/lib/server/api/present/common";
import { getMemberRoute } from "@/lib/server/api/spec/members";
import { loadPolicy } from "@/lib/server/queries/policy";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { describePolicy } from "@/lib/warmup/describe";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const GET = apiRoute(getMemberRoute, async ({ viewer, params, now }) => {
  const profile = await visibleMember(params.handle, viewer.id);
  const self = profile.id === viewer.id;
  const db = await getDb();
  const settings = await getAppSettings(db);
  const [policy, rel] = await Promise.all([
    loadPolicy(db, { memberId: profile.id, settings }),
    self ? Promise.resolve(null) : loadRelationship(db, { viewerId: viewer.id, otherId: profile.id, now, settings }),
  ]);
  const evaluation = rel?.evaluation ?? null;
  return {
    id: profile.id,
    handle: profile.handle,
    name: profile.name,
    headline: profile.headline,
    bio: profile.bio,
    location: profile.location,
    links: profile.links,
    topics: profile.topics,
    createdAt: iso(profile.createdAt),
    protocol: { preset: policy.preset, description: describePolicy(policy, self ? undefined : profile.name.split(" ")[0]) },
    relationship: {
      status: self ? "self" : (evaluation?.status ?? "cold"),
      percent: evaluation?.percent ?? null,
      nextStep: evaluation?.nextSteps[0] ?? null,
      cooldownUntil: evaluation?.cooldownUntil ?? null,
      pendingRequest: rel?.pending
        ? { ...rel.pending, createdAt: iso(rel.pending.createdAt), expiresAt: iso(rel.pending.expiresAt) }
        : null,
      connectedSince: isoOrNull(rel?.connectedSince),
      blockedByYou: profile.blockedByViewer,
    },
  };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
