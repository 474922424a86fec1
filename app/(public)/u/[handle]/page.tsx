import type { Metadata } from "next";
import { TopicList } from "@/components/people/person-card";
import { notFound } from "next/navigation";
import { describePolicy } from "@/lib/warmup/describe";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { firstNameOf } from "@/lib/warmup/names";
import { RelationshipPanel, type RelationshipActions } from "@/components/relationship/relationship-panel";
import { MemberPosts } from "@/components/feed/member-posts";
import type { FeedActions } from "@/components/feed/feed-actions";
import { KudosWall } from "@/components/kudos/kudos-wall";
import { blockAction, sendRequestAction, unblockAction } from "@/lib/server/actions/connect";
import { createCommentAction, deleteCommentAction, deletePostAction, reactAction } from "@/lib/server/actions/feed";
import { introduceAction } from "@/lib/server/actions/introductions";
import { deleteKudosAction, giveKudosAction } from "@/lib/server/actions/kudos";
import { reportAction } from "@/lib/server/actions/reports";
import { loadProfilePage } from "@/lib/server/loaders/profile";

type Props = { params: Promise<{ handle: string }> };

const FEED_ACTIONS: FeedActions = { createCommentAction, deleteCommentAction, deletePostAction, reactAction };
const RELATIONSHIP_ACTIONS: RelationshipActions = { sendRequestAction, blockAction, unblockAction, introduceAction, reportAction };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  return { title: `@${decodeURIComponent(handle).replace(/^@/, "")}` };
}

export default async function ProfilePage({ params }: Props) {
  const fmt = await dateFormat();
  const { handle: raw } = await params;
  const handle = decodeURIComponent(raw).replace(/^@/, "");
  const data = await loadProfilePage(handle);
  if (!data) notFound();
  const { viewer, profile, policy, posts, kudos, relationship, isSelf } = data;
  return (
    // Page order: who they are and their protocol, then the relationship panel, then posts and
    // kudos — phones, keyboards and screen readers reach the panel right after the protocol.
    // On wide screens the grid places the panel in the side column (no duplicated markup).
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
      <section className="card lg:col-start-1 lg:row-start-1" aria-labelledby="profile-name">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id="profile-name" className="text-2xl font-semibold">{profile.name}</h1>
          {isSelf ? (
            <a href="/settings/account" className="btn-secondary">
              Edit profile
            </a>
          ) : null}
        </div>
        <p className="muted">@{profile.handle}{profile.location ? ` · ${profile.location}` : ""}</p>
        {profile.headline ? <p className="mt-2 text-lg">{profile.headline}</p> : null}
        {profile.bio ? <p className="prose-post mt-3">{profile.bio}</p> : null}
        <TopicList topics={profile.topics} label="Topics" className="mt-3" />
        {profile.links.length ? (
          <ul className="mt-3 flex flex-wrap gap-3 text-sm">
            {profile.links.map((l) => (
              <li key={l.label}>
                <a href={l.url} rel="nofollow noopener noreferrer me" target="_blank" className="underline">{l.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {profile.verifiedAccounts.length ? (
          <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Verified accounts" data-testid="verified-accounts">
            {profile.verifiedAccounts.map((a) => (
              <li key={a.network}>
                <a
                  href={a.url}
                  rel="me noopener noreferrer"
                  target="_blank"
                  className="inline-flex items-center gap-1 rounded-full bg-green-50 px-2 py-0.5 font-medium text-green-900 ring-1 ring-inset ring-green-200 dark:bg-green-950/50 dark:text-green-100 dark:ring-green-800"
                >
                  {a.network === "mastodon" ? (
                    <>
                      <span aria-hidden>✓</span> Mastodon {a.handle}
                      <span className="sr-only"> (verified: the account&rsquo;s profile links back to this page)</span>
                    </>
                  ) : a.network === "github" ? (
                    <>
                      <span aria-hidden>✓</span> GitHub @{a.handle}
                      <span className="sr-only"> (verified: through GitHub sign-in or a gist only the account&rsquo;s owner could create)</span>
                    </>
                  ) : (
                    <>
                      <span aria-hidden>✓</span> Bluesky @{a.handle}
                      <span className="sr-only"> (verified: Rapport saw a code only the account&rsquo;s owner could post)</span>
                    </>
                  )}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {profile.mastodonRelMe && !profile.verifiedAccounts.some((v) => v.network === "mastodon") ? (
          // the rel="me" half of the Mastodon proof, shown while the account's back-link is still missing
          <p className="mt-3 text-sm">
            <a href={profile.mastodonRelMe} rel="me noopener noreferrer" target="_blank" className="underline" data-testid="mastodon-rel-me">
              Mastodon
            </a>
          </p>
        ) : null}
        <p className="mt-3 text-xs muted">Member since {fmt.date(profile.createdAt)}</p>
        {profile.leavingOn ? (
          <p className="mt-3 rounded-lg border border-stone-300 px-3 py-2 text-sm dark:border-stone-700" data-testid="leaving">
            <span className="font-medium">Leaving Rapport.</span> {isSelf ? "Your" : `${firstNameOf(profile.name)}’s`} account will be deleted on{" "}
            {fmt.date(profile.leavingOn)}
            {isSelf ? ". Signing in again before then keeps it." : ", so new connection requests are closed."}
          </p>
        ) : null}
        <p className="mt-4 rounded-lg bg-orange-50 px-3 py-2 text-sm text-orange-950 dark:bg-orange-950/40 dark:text-orange-100" data-testid="protocol">
          <span className="font-medium">Protocol: </span>
          {describePolicy(policy, isSelf ? undefined : firstNameOf(profile.name))}
        </p>
      </section>
      <aside className="space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1" aria-label="Relationship">
        {!viewer ? (
          <div className="card text-sm">
            <a href={`/signin?next=/u/${profile.handle}`} className="underline">Sign in</a> to see how warm you are with {profile.name}.
          </div>
        ) : !viewer.suspended ? (
          <RelationshipPanel viewerId={viewer.id} profile={profile} view={relationship} actions={RELATIONSHIP_ACTIONS} />
        ) : null}
      </aside>
      <div className="space-y-6 lg:col-start-1 lg:row-start-2">
        <MemberPosts member={profile} viewer={viewer} page={posts} actions={FEED_ACTIONS} />
        <KudosWall member={profile} viewer={viewer} kudos={kudos} giveKudosAction={giveKudosAction} deleteKudosAction={deleteKudosAction} />
      </div>
    </div>
  );
}
