import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listPosts } from "@/lib/server/queries/feed";
import { eligibleIntroductionTargets, introductionsBetween } from "@/lib/server/queries/introductions";
import { listKudos } from "@/lib/server/queries/kudos-wall";
import { loadShownPairHistory, type TimelineItem } from "@/lib/server/queries/pair-history";
import { loadPolicy } from "@/lib/server/queries/policy";
import { findProfile, type PublicProfile } from "@/lib/server/queries/profile";
import { loadRelationship, type Relationship } from "@/lib/server/queries/relationship";
import type { Tx } from "@/lib/server/db";
import type { TAppSettings } from "@/lib/validation/app-settings";
import type { Evaluation, Policy } from "@/lib/warmup/types";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { getViewer } from "@/lib/server/auth/session";
import { appSettings, viewerBlocks } from "./request-cache";

/** What the relationship panel shows of the viewer and the member. */
export type RelationshipView = {
  relationship: Relationship;
  history: TimelineItem[];
  /** `history` holds only the latest ones; older ones were left out */
  historyOlderLeftOut: boolean;
  introductions: Awaited<ReturnType<typeof introductionsBetween>>;
  /** when they asked the viewer (a pending request): how far they came toward the viewer's protocol */
  theirWarmup: Evaluation | null;
  /** empty unless the two are connected */
  introTargets: Awaited<ReturnType<typeof eligibleIntroductionTargets>>;
};

/**
 * /u/[handle]: the profile and its protocol, its latest posts and kudos wall (the viewer's
 * blocks read once for both), and the viewer's relationship panel; null when the profile
 * does not exist for the viewer.
 */
export async function loadProfilePage(handle: string) {
  const viewer = await getViewer();
  const db = await getDb();
  const now = systemNow();
  const viewerId = viewer?.id ?? null;
  const [profile, settings, blocked] = await Promise.all([findProfile(db, { handle, viewerId }), appSettings(), viewerBlocks(viewerId)]);
  if (!profile) return null;
  const policy = await loadPolicy(db, { memberId: profile.id, settings });
  const showPanel = viewer !== null && !viewer.suspended;
  const [posts, kudos, relationship] = await Promise.all([
    listPosts(db, { viewerId, authorId: profile.id, limit: 5, threadsPerPost: 1, blocked }),
    listKudos(db, { recipientId: profile.id, viewerId, blocked }),
    showPanel ? loadRelationshipView(db, { viewerId: viewer.id, profile, policy, settings, now }) : null,
  ]);
  return { viewer, profile, policy, posts, kudos, relationship, isSelf: viewerId === profile.id };
}

/** The viewer's side of the relationship panel: none on your own profile or once you blocked them. */
async function loadRelationshipView(
  db: Tx,
  p: { viewerId: string; profile: PublicProfile; policy: Policy; settings: TAppSettings; now: Date },
): Promise<RelationshipView | null> {
  const { viewerId, profile, policy, settings, now } = p;
  if (viewerId === profile.id || profile.blockedByViewer) return null;
  const relationship = await loadRelationship(db, { viewerId, otherId: profile.id, now, settings });
  if (!relationship) return null;
  const askedYou = relationship.pending?.direction === "incoming";
  const [history, introductions, introTargets, theirWarmup] = await Promise.all([
    loadShownPairHistory(db, { viewerId, otherId: profile.id, now, settings, role: "requester", evaluation: relationship.evaluation, windowDays: policy.freshnessDays }),
    introductionsBetween(db, { viewerId, otherId: profile.id }),
    // Only members connected to each other can introduce one to their connections.
    relationship.connectedSince ? eligibleIntroductionTargets(db, { viewerId, profileMemberId: profile.id, now }) : [],
    // What their request stands on: them → viewer, under the viewer's protocol.
    askedYou ? evaluatePair(db, { viewerId, otherId: profile.id, role: "recipient", now, settings }) : null,
  ]);
  return { relationship, history: history.items, historyOlderLeftOut: history.olderLeftOut, introductions, introTargets, theirWarmup: theirWarmup ?? null };
}
