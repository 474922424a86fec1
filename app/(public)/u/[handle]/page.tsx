import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { blockedWith, listPosts } from "@/lib/server/queries/feed";
import { findProfile, type PublicProfile } from "@/lib/server/queries/profile";
import { listKudos } from "@/lib/server/queries/kudos-wall";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { eligibleIntroductionTargets, introductionsBetween } from "@/lib/server/queries/introductions";
import type { Policy } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { loadPolicy } from "@/lib/server/queries/policy";
import { getAppSettings } from "@/lib/server/settings";
import { describePolicy } from "@/lib/warmup/describe";
import { formatDate } from "@/lib/format";
import { RelationshipPanel, type RelationshipActions, type RelationshipView } from "@/components/relationship/relationship-panel";
import { MemberPosts } from "@/components/feed/member-posts";
import type { FeedActions } from "@/components/feed/feed-actions";
import { KudosWall } from "@/components/kudos/kudos-wall";
import { blockAction, sendRequestAction, unblockAction } from "@/lib/server/actions/connect";
import { createCommentAction, deleteCommentAction, deletePostAction, reactAction } from "@/lib/server/actions/feed";
import { introduceAction } from "@/lib/server/actions/introductions";
import { deleteKudosAction, giveKudosAction } from "@/lib/server/actions/kudos";
import { reportAction } from "@/lib/server/actions/reports";

type Props = { params: Promise<{ handle: string }> };

const FEED_ACTIONS: FeedActions = { createCommentAction, deleteCommentAction, deletePostAction, reactAction };
const RELATIONSHIP_ACTIONS: RelationshipActions = { sendRequestAction, blockAction, unblockAction, introduceAction, reportAction };

/** The viewer's side of the relationship panel: none on your own profile or once you blocked them. */
async function loadRelationshipView(viewerId: string, profile: PublicProfile, policy: Policy, settings: TAppSettings): Promise<RelationshipView | null> {
  if (viewerId === profile.id || profile.blockedByViewer) return null;
  const now = new Date();
  const relationship = await loadRelationship(viewerId, profile.id, { now, settings });
  if (!relationship) return null;
  const [history, introductions, introTargets] = await Promise.all([
    loadPairHistory(viewerId, profile.id, { now, role: "requester", evaluation: relationship.evaluation, windowDays: policy.freshnessDays }),
    introductionsBetween(viewerId, profile.id),
    // Only members connected to each other can introduce one to their connections.
    relationship.connectedSince ? eligibleIntroductionTargets(viewerId, profile.id, { now }) : [],
  ]);
  return { relationship, history, introductions, introTargets };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  return { title: `@${decodeURIComponent(handle).replace(/^@/, "")}` };
}

export default async function ProfilePage({ params }: Props) {
  const { handle: raw } = await params;
  const handle = decodeURIComponent(raw).replace(/^@/, "");
  const viewer = await getViewer();
  const db = await getDb();
  // The viewer's blocks are read once here for the posts and the kudos wall.
  const [profile, settings, blocked] = await Promise.all([findProfile(handle, viewer?.id ?? null), getAppSettings(db), blockedWith(db, viewer?.id ?? null)]);
  if (!profile) notFound();
  const policy = await loadPolicy(db, profile.id, settings);
  const isSelf = viewer?.id === profile.id;
  const showPanel = viewer !== null && !viewer.suspended;
  const [posts, kudos, relationship] = await Promise.all([
    listPosts(db, { viewerId: viewer?.id ?? null, authorId: profile.id, limit: 5, threadsPerPost: 1, blocked }),
    listKudos(db, { recipientId: profile.id, viewerId: viewer?.id ?? null, blocked }),
    showPanel ? loadRelationshipView(viewer.id, profile, policy, settings) : null,
  ]);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <section className="card" aria-labelledby="profile-name">
          <h1 id="profile-name" className="text-2xl font-semibold">{profile.name}</h1>
          <p className="muted">@{profile.handle}{profile.location ? ` · ${profile.location}` : ""}</p>
          {profile.headline ? <p className="mt-2 text-lg">{profile.headline}</p> : null}
          {profile.bio ? <p className="prose-post mt-3">{profile.bio}</p> : null}
          {profile.links.length ? (
            <ul className="mt-3 flex flex-wrap gap-3 text-sm">
              {profile.links.map((l) => (
                <li key={l.label}>
                  <a href={l.url} rel="nofollow noopener noreferrer me" target="_blank" className="underline">{l.label}</a>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-3 text-xs muted">Member since {formatDate(profile.createdAt)}</p>
          <p className="mt-4 rounded-lg bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:bg-orange-950/40 dark:text-orange-100" data-testid="protocol">
            <span className="font-medium">Protocol: </span>
            {describePolicy(policy, isSelf ? undefined : profile.name.split(" ")[0])}
          </p>
        </section>
        <MemberPosts member={profile} viewer={viewer} page={posts} actions={FEED_ACTIONS} />
        <KudosWall member={profile} viewer={viewer} kudos={kudos} giveKudosAction={giveKudosAction} deleteKudosAction={deleteKudosAction} />
      </div>
      <aside className="space-y-6" aria-label="Relationship">
        {!viewer ? (
          <div className="card text-sm">
            <a href={`/signin?next=/u/${profile.handle}`} className="underline">Sign in</a> to see how warm you are with {profile.name}.
          </div>
        ) : !viewer.suspended ? (
          <RelationshipPanel viewerId={viewer.id} profile={profile} view={relationship} actions={RELATIONSHIP_ACTIONS} />
        ) : null}
      </aside>
    </div>
  );
}
