import Link from "next/link";
import { getDb } from "@/lib/server/db";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { eligibleIntroductionTargets, introductionsBetween } from "@/lib/server/queries/introductions";
import { IntroduceForm } from "@/components/introductions/introduce-form";
import { IntroductionsList } from "@/components/introductions/introductions-list";
import { ReportForm } from "@/components/reports/report-form";
import type { PublicProfile } from "@/lib/server/queries/profile";
import type { Policy } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { BlockControl } from "./block-control";
import { ConnectControl } from "./connect-control";
import { CriteriaBars } from "./criteria-bars";
import { InteractionTimeline } from "./interaction-timeline";
import { NextSteps } from "./next-steps";
import { StatusPill } from "./status-pill";
import { WarmthProgress } from "./warmth-progress";

/**
 * The viewer's relationship with a profile's member: where it stands (status, one overall
 * bar, a bar per criterion), what to do next, the Connect button that tells the truth, the
 * history between the two, and Block. On your own profile: a way to edit your protocol.
 */
export async function RelationshipPanel({
  viewerId,
  profile,
  policy,
  settings,
}: {
  viewerId: string;
  profile: PublicProfile;
  /** the member's protocol and the app settings, as the page already read them */
  policy: Policy;
  settings: TAppSettings;
}) {
  if (viewerId === profile.id) {
    return (
      <section className="card space-y-2 text-sm" aria-labelledby="rel-h">
        <h2 id="rel-h" className="font-semibold">This is you</h2>
        <p className="muted">Your protocol above is what others see before they ask to connect with you.</p>
        <Link href="/settings/protocol" className="btn-secondary">Edit your protocol</Link>
      </section>
    );
  }
  if (profile.blockedByViewer) {
    return (
      <section className="card space-y-2" aria-labelledby="rel-h">
        <h2 id="rel-h" className="font-semibold">Blocked</h2>
        <BlockControl handle={profile.handle} blocked />
      </section>
    );
  }

  const now = new Date();
  const db = await getDb();
  const rel = await loadRelationship(db, { viewerId, otherId: profile.id, now, settings });
  if (!rel) return null;
  const e = rel.evaluation;
  const [history, intros, introTargets] = await Promise.all([
    loadPairHistory(db, { viewerId, otherId: profile.id, now, settings, role: "requester", evaluation: e, windowDays: policy.freshnessDays }),
    introductionsBetween(db, { viewerId, otherId: profile.id }),
    // Only members connected to each other can introduce one to their connections.
    rel.connectedSince ? eligibleIntroductionTargets(db, { viewerId, profileMemberId: profile.id, now }) : [],
  ]);
  const first = profile.name.split(" ")[0];
  const showProgress = e.criteria.length > 0 && e.status !== "connected";

  return (
    <>
      <section className="card space-y-4" aria-labelledby="rel-h">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="rel-h" className="font-semibold">You and {first}</h2>
          <StatusPill status={e.status} />
        </div>
        {showProgress ? (
          <div className="space-y-3">
            <WarmthProgress percent={e.percent} status={e.status} label={`Warm-up with ${profile.name}`} />
            <CriteriaBars criteria={e.criteria} caption={`What ${first}'s protocol asks for`} />
          </div>
        ) : null}
        <ConnectControl relationship={rel} handle={profile.handle} firstName={first} />
        {e.status !== "connected" ? <NextSteps steps={e.nextSteps} /> : null}
        <IntroductionsList introductions={intros.fromMe} title={`Introductions of you to ${first}`} />
        <IntroductionsList introductions={intros.toMe} title={`${first} was introduced to you`} />
      </section>
      <section className="card space-y-3" aria-labelledby="history-h">
        <h2 id="history-h" className="font-semibold">Your history together</h2>
        <p className="text-xs muted">Both directions, newest first. Days are counted in UTC.</p>
        <InteractionTimeline items={history} viewerId={viewerId} />
      </section>
      <IntroduceForm member={{ handle: profile.handle, name: profile.name }} targets={introTargets} />
      <div className="flex flex-wrap items-start gap-4 px-1 text-sm">
        <BlockControl handle={profile.handle} blocked={false} />
        <ReportForm subjectType="member" subjectId={profile.id} subjectLabel={`@${profile.handle}`} />
      </div>
    </>
  );
}
