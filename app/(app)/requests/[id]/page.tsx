import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/avatar";
import { ActionForm } from "@/components/ui/action-form";
import { EvaluationCompare } from "@/components/requests/evaluation-compare";
import { requestOutcome } from "@/components/requests/request-status";
import { InteractionTimeline } from "@/components/relationship/interaction-timeline";
import { IntroductionsList } from "@/components/introductions/introductions-list";
import { RequesterRecordLine } from "@/components/requests/requester-record";
import { ReportForm } from "@/components/reports/report-form";
import { reportAction } from "@/lib/server/actions/reports";
import { cooldownUntil } from "@/lib/warmup/cooldown";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { DecisionForm } from "../decision-form";
import { withdrawAction } from "@/lib/server/actions/requests";
import { loadRequestReviewPage } from "@/lib/server/loaders/request-review";

export const metadata = { title: "Review request" };

type Props = { params: Promise<{ id: string }> };

/**
 * The review: the note in the requester's own words first, who they are, everything that
 * happened between us (dated, both ways), the evaluation when they asked beside now, the
 * people we both know — and only then the three answers, each with its consequence.
 */
export default async function RequestReviewPage({ params }: Props) {
  const fmt = await dateFormat();
  const { id } = await params;
  const data = await loadRequestReviewPage(decodeURIComponent(id));
  if (!data) notFound();
  const { viewer, now, settings, req, evaluationNow, history, historyOlderLeftOut, mutual, introductions, record } = data;

  const other = req.member;
  const first = other.name.split(" ")[0];
  const requesterFirst = req.requester.name.split(" ")[0];
  const pending = req.status === "pending";
  const isRecipient = req.viewerRole === "recipient";

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <BackLink href={`/requests?tab=${pending ? (isRecipient ? "incoming" : "outgoing") : "history"}`}>Requests</BackLink>
      <header>
        <h1 className="text-2xl font-semibold">
          {isRecipient ? `${req.requester.name} would like to connect` : `Your request to ${req.recipient.name}`}
        </h1>
        <p className="text-sm muted">
          Sent{" "}
          <time dateTime={req.createdAt.toISOString()} title={fmt.dateTime(req.createdAt)}>
            {fmt.relative(req.createdAt, now)}
          </time>{" "}
          · {fmt.date(req.createdAt)}
        </p>
      </header>

      <section aria-labelledby="note-h" className="card">
        <h2 id="note-h" className="text-sm font-semibold muted">{isRecipient ? `${requesterFirst}'s note` : "Your note"}</h2>
        <blockquote className="prose-post mt-2 border-l-4 border-orange-300 pl-4 text-lg dark:border-orange-800">{req.note}</blockquote>
      </section>

      {!pending ? <p className="card text-sm" role="status">{requestOutcome(req, fmt)}</p> : null}

      <section aria-labelledby="who-h" className="card flex items-start gap-4">
        <Avatar name={other.name} seed={other.handle} />
        <div className="min-w-0 space-y-1">
          <h2 id="who-h" className="font-semibold">
            <Link href={`/u/${other.handle}`}>{other.name}</Link> <span className="text-sm font-normal muted">@{other.handle}</span>
          </h2>
          {other.headline ? <p>{other.headline}</p> : null}
          {isRecipient ? (
            <>
              {req.requester.location ? <p className="text-sm muted">{req.requester.location}</p> : null}
              {req.requester.bio ? <p className="prose-post text-sm">{req.requester.bio}</p> : null}
              <p className="text-xs muted">Member since {fmt.date(req.requester.createdAt)}</p>
            </>
          ) : null}
        </div>
      </section>

      {record ? (
        <section aria-label="Their record" className="card text-sm">
          <RequesterRecordLine record={record} name={req.requester.name} />
        </section>
      ) : null}

      {introductions.length ? (
        <div className="card">
          <IntroductionsList introductions={introductions} title="Introductions" />
        </div>
      ) : null}

      <section aria-labelledby="history-h" className="card space-y-3">
        <h2 id="history-h" className="font-semibold">Your history together</h2>
        <p className="text-xs muted">Every public interaction between you, both ways, newest first. Days are counted in UTC.</p>
        <InteractionTimeline items={history} viewerId={viewer.id} empty="No public interactions between you on record." olderLeftOut={historyOlderLeftOut} />
      </section>

      <section aria-labelledby="eval-h" className="card space-y-3">
        <h2 id="eval-h" className="font-semibold">{isRecipient ? "How warm they were, then and now" : "How warm you were, then and now"}</h2>
        <EvaluationCompare
          snapshot={req.snapshot}
          now={evaluationNow}
          requesterFirst={isRecipient ? requesterFirst : null}
          recipientFirst={isRecipient ? null : first}
        />
      </section>

      <section aria-labelledby="mutual-h" className="card space-y-2">
        <h2 id="mutual-h" className="font-semibold">Mutual connections{mutual.total ? ` (${mutual.total})` : ""}</h2>
        {mutual.members.length ? (
          <ul className="flex flex-wrap gap-2">
            {mutual.members.map((m) => (
              <li key={m.id}>
                <Link href={`/u/${m.handle}`} className="inline-flex items-center gap-2 rounded-full border border-stone-200 px-2 py-1 text-sm no-underline dark:border-stone-700">
                  <Avatar name={m.name} seed={m.handle} size="sm" />
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm muted">You have no connections in common yet.</p>
        )}
      </section>

      {pending && isRecipient ? (
        <section aria-labelledby="answer-h" className="card space-y-3">
          <h2 id="answer-h" className="font-semibold">Your answer</h2>
          <DecisionForm
            id={req.id}
            firstName={first}
            notYetUntil={fmt.date(cooldownUntil("not_yet", now, settings.requests))}
            noUntil={fmt.date(cooldownUntil("no", now, settings.requests))}
            expiresOn={fmt.date(req.expiresAt)}
          />
        </section>
      ) : null}

      {pending && !isRecipient ? (
        <section aria-labelledby="withdraw-h" className="card space-y-2">
          <h2 id="withdraw-h" className="font-semibold">Waiting for {first}</h2>
          <p className="text-sm muted">{requestOutcome(req, fmt)}</p>
          <ActionForm action={withdrawAction} fields={{ id: req.id }} label="Withdraw" pendingText="Withdrawing…">
            <p className="text-xs muted">If you withdraw, you can ask {first} again after {fmt.date(cooldownUntil("withdraw", now, settings.requests))}.</p>
          </ActionForm>
        </section>
      ) : null}

      {isRecipient ? (
        <div className="text-sm">
          <ReportForm subjectType="member" subjectId={req.requester.id} subjectLabel={`@${req.requester.handle}`} reportAction={reportAction} />
        </div>
      ) : null}
    </div>
  );
}
