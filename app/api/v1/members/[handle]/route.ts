import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { apiRoute } from "@/lib/server/api/handler";
import { visibleMember } from "@/lib/server/api/lookups";
import { iso, isoOrNull } from "@/lib/server/api/present/common";
import { getMemberRoute } from "@/lib/server/api/spec/members";
import { loadPolicy } from "@/lib/server/queries/policy";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { describePolicy } from "@/lib/warmup/describe";
import { firstNameOf } from "@/lib/warmup/names";
import { MEMBER_NOT_FOUND, STATUS_WORDS, refusalNowOf } from "@/lib/warmup/wording";
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
  const refusal = self ? STATUS_WORDS.self.refusal!({ firstName: "" }) : rel ? refusalNowOf(rel, firstNameOf(profile.name)) : MEMBER_NOT_FOUND;
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
      canRequest: refusal === null,
      refusal,
    },
  };
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
