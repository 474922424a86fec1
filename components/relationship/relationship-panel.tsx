import Link from "next/link";
import type { FormAction } from "@/lib/server/action-result";
import type { RelationshipView } from "@/lib/server/loaders/profile";
import { IntroduceForm } from "@/components/introductions/introduce-form";
import { IntroductionsList } from "@/components/introductions/introductions-list";
import { ReportForm } from "@/components/reports/report-form";
import type { PublicProfile } from "@/lib/server/queries/profile";
import { BlockControl } from "./block-control";
import { ConnectControl } from "./connect-control";
import { CriteriaBars } from "./criteria-bars";
import { InteractionTimeline } from "./interaction-timeline";
import { NextSteps } from "./next-steps";
import { StatusPill } from "./status-pill";
import { WarmthProgress } from "./warmth-progress";
import { firstNameOf } from "@/lib/warmup/names";
import { PERCENT_DEFINITION } from "@/lib/warmup/percent-words";
import { lockReasonOf, stepsBesideLock } from "@/lib/warmup/wording";
import type { Evaluation, RelationshipStatus } from "@/lib/warmup/types";

/** The forms in the panel, each a server action the page hands down. */
export type RelationshipActions = {
  sendRequestAction: FormAction;
  blockAction: FormAction;
  unblockAction: FormAction;
  introduceAction: FormAction;
  reportAction: FormAction;
};

/**
 * The viewer's relationship with a profile's member: where it stands (status, one overall
 * bar, a bar per criterion), what to do next, the Connect button that tells the truth, the
 * history between the two, and Block. On your own profile: a way to edit your protocol.
 */
export function RelationshipPanel({
  viewerId,
  profile,
  view,
  actions,
}: {
  viewerId: string;
  profile: PublicProfile;
  /** what the page read about the pair; null on your own profile, when blocked, or when there is nothing to show */
  view: RelationshipView | null;
  actions: RelationshipActions;
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
        <BlockControl handle={profile.handle} blocked blockAction={actions.blockAction} unblockAction={actions.unblockAction} />
      </section>
    );
  }

  if (!view) return null;
  const { relationship: rel, history, introductions: intros, introTargets, theirWarmup } = view;
  const e = rel.evaluation;
  const first = firstNameOf(profile.name);
  const showProgress = e.criteria.length > 0 && e.status !== "connected";
  const askedYou = e.status === "incoming" && theirWarmup !== null;
  const lock = lockReasonOf(rel, first);
  // Warming up further changes nothing while they are suspended or leaving.
  const barred = rel.barrier === "unavailable" || rel.barrier === "leaving";
  const steps = e.status === "connected" || askedYou || barred ? [] : stepsBesideLock(e.nextSteps, lock);

  return (
    <>
      <section className="card space-y-4" aria-labelledby="rel-h" data-testid="relationship-panel">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="rel-h" className="font-semibold">You and {first}</h2>
          <StatusPill status={e.status} />
        </div>
        {askedYou ? <TheirRequest first={first} evaluation={theirWarmup} /> : null}
        {showProgress ? (
          <div className="space-y-3" data-testid="own-warmup">
            {askedYou ? <h3 className="text-sm font-semibold">Your own warm-up toward {first}</h3> : null}
            <WarmthProgress percent={e.percent} status={askedYou ? barStatus(e) : e.status} label={`Your warm-up with ${first}`} />
            <CriteriaBars criteria={e.criteria} caption={`What ${first}'s protocol asks of you`} />
            <PercentHelp />
          </div>
        ) : null}
        <ConnectControl relationship={rel} handle={profile.handle} firstName={first} sendRequestAction={actions.sendRequestAction} />
        <NextSteps steps={steps} />
        <IntroductionsList introductions={intros.fromMe} title={`Introductions of you to ${first}`} />
        <IntroductionsList introductions={intros.toMe} title={`${first} was introduced to you`} />
      </section>
      <section className="card space-y-3" aria-labelledby="history-h">
        <h2 id="history-h" className="font-semibold">Your history together</h2>
        <p className="text-xs muted">Both directions, newest first. Days are counted in UTC.</p>
        <InteractionTimeline items={history} viewerId={viewerId} olderLeftOut={view.historyOlderLeftOut} />
      </section>
      <IntroduceForm member={{ handle: profile.handle, name: profile.name }} targets={introTargets} introduceAction={actions.introduceAction} />
      <div className="flex flex-wrap items-start gap-4 px-1 text-sm">
        <BlockControl handle={profile.handle} blocked={false} blockAction={actions.blockAction} unblockAction={actions.unblockAction} />
        <ReportForm subjectType="member" subjectId={profile.id} subjectLabel={`@${profile.handle}`} reportAction={actions.reportAction} />
      </div>
    </>
  );
}

/** The bar's colour for your own warm-up when the pill shows something else (they asked you). */
function barStatus(e: Evaluation): RelationshipStatus {
  return e.gateMet ? "warm" : e.percent > 0 ? "warming" : "cold";
}

/** What the other member's pending request stands on: how far they came toward your protocol. */
function TheirRequest({ first, evaluation }: { first: string; evaluation: Evaluation }) {
  return (
    <div className="space-y-3 rounded-lg bg-rose-50 p-3 dark:bg-rose-950/30" data-testid="their-warmup">
      <h3 className="text-sm font-semibold">{first} asked to connect: how far {first} came toward your protocol</h3>
      {evaluation.criteria.length > 0 ? (
        <>
          <WarmthProgress percent={evaluation.percent} status={barStatus(evaluation)} label={`${first}'s warm-up with you`} />
          <CriteriaBars criteria={evaluation.criteria} caption={`What your protocol asks of ${first}`} />
        </>
      ) : (
        <p className="text-sm">Your protocol asks for nothing before a request.</p>
      )}
      <p className="text-sm">
        {evaluation.gateMet
          ? `${first} meets your protocol as it is today.`
          : `${first} doesn't meet your protocol as it is today — it may have changed since the request was sent.`}
      </p>
    </div>
  );
}

/** The percent's definition, one click away, in the words of docs/architecture.md. */
function PercentHelp() {
  return (
    <details className="text-xs muted">
      <summary className="cursor-pointer underline-offset-2 hover:underline">How is the percent worked out?</summary>
      <p className="mt-1">{PERCENT_DEFINITION}</p>
    </details>
  );
}
