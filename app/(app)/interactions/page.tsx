import Link from "next/link";
import type { LoggedRow } from "@/lib/server/queries/interactions-list";
import { InteractionTimeline } from "@/components/relationship/interaction-timeline";
import { LOGGED_KIND_LABELS, PLATFORM_LABELS, type LoggedPlatform } from "@/lib/validation/logged-interaction";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { DateFormat } from "@/lib/dates/format";
import { TimeAgo } from "@/components/ui/time-ago";
import { DecideButtons, WithdrawButton } from "./logged-actions";
import { ReportLink } from "@/components/reports/report-link";
import { loadInteractionsPage } from "@/lib/server/loaders/interactions";
import { loggedVerification, VERIFIED_BY_LABELS } from "@/lib/verify/logged-verification";
import { offerLine, offerQuestion } from "@/lib/verify/offers";
import { NETWORK_LABELS, type VerifyNetwork } from "@/lib/verify/networks";
import { decideOffersAction } from "@/lib/server/actions/offers";
import { OfferButtons } from "./offers";

export const metadata = { title: "Interactions" };

const STATUS: Record<string, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-800" },
  verified: { label: "Verified", className: "bg-green-50 text-green-900 ring-green-200 dark:bg-green-950/50 dark:text-green-100 dark:ring-green-800" },
  confirmed: { label: "Confirmed", className: "bg-green-50 text-green-900 ring-green-200 dark:bg-green-950/50 dark:text-green-100 dark:ring-green-800" },
  disputed: { label: "Disputed", className: "bg-red-50 text-red-900 ring-red-200 dark:bg-red-950/50 dark:text-red-100 dark:ring-red-800" },
  withdrawn: { label: "Withdrawn", className: "bg-stone-100 text-stone-700 ring-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700" },
  removed: { label: "Removed", className: "bg-stone-100 text-stone-700 ring-stone-200 dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700" },
};

function what(row: LoggedRow): string {
  const kind = LOGGED_KIND_LABELS[row.kind as keyof typeof LOGGED_KIND_LABELS] ?? row.kind;
  const where = PLATFORM_LABELS[row.platform as LoggedPlatform] ?? row.platform;
  return row.kind === "met_in_person" ? `${kind}${row.platform === "event" ? " at an event" : ""}` : `${kind} on ${where}`;
}

function Details({ row, fmt }: { row: LoggedRow; fmt: DateFormat }) {
  return (
    <>
      <p className="text-sm">
        <span className="font-medium">{what(row)}</span> · <time dateTime={row.occurredOn.toISOString().slice(0, 10)}>{fmt.day(row.occurredOn.toISOString())}</time>
      </p>
      {row.summary ? <p className="prose-post text-sm muted">{row.summary}</p> : null}
      {row.evidenceUrl ? (
        <p className="text-sm">
          <a href={row.evidenceUrl} rel="nofollow noopener noreferrer ugc" target="_blank" className="break-all underline">
            {row.evidenceUrl}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The banner after "Add" / "Dismiss" (?found=added-3-bluesky | dismissed). */
function foundOutcome(v: string): string {
  if (v === "dismissed") return "Dismissed — Rapport won't offer those again.";
  const m = /^added-(\d+)(?:-([a-z]+))?$/.exec(v);
  const n = Number(m?.[1] ?? 0);
  if (n === 0) return "Nothing new to add — they were already logged.";
  const where = NETWORK_LABELS[m?.[2] as VerifyNetwork] ?? "there";
  return `Added ${n === 1 ? "1 interaction" : `${n} interactions`} from ${where}. Rapport checks ${n === 1 ? "it" : "them"} there, usually within seconds.`;
}

export default async function InteractionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const fmt = await dateFormat();
  const sp = await searchParams;
  const { viewer, awaiting, mine, about, offers } = await loadInteractionsPage();

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Interactions</h1>
          <p className="text-sm muted">What you and others did in the open — here and elsewhere.</p>
        </div>
        <Link href="/interactions/log" className="btn-primary">
          Log an interaction
        </Link>
      </header>
      {sp.logged ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950/40 dark:text-green-100">
          Logged. It counts as pending until they confirm it — or, for a Bluesky, Mastodon or GitHub link with both accounts verified, until Rapport has checked it (usually within seconds).
        </p>
      ) : null}

      {typeof sp.found === "string" ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900 dark:bg-green-950/40 dark:text-green-100" data-testid="found-outcome">
          {foundOutcome(sp.found)}
        </p>
      ) : null}
      {offers.length > 0 ? (
        <section aria-labelledby="found-heading" className="space-y-3" data-testid="found-for-you">
          <h2 id="found-heading" className="text-lg font-semibold">
            Found for you
          </h2>
          <p className="text-sm muted">
            Rapport found these in your own public posts.{" "}
            <Link href="/settings/account" className="underline">
              Change this in your account settings
            </Link>
          </p>
          <ul className="space-y-3">
            {offers.map((g) => {
              const first = g.member.name.split(" ")[0];
              const key = `${g.member.handle}-${g.network}`;
              const headingId = `found-${key}`;
              const formId = `found-form-${key}`;
              const where = NETWORK_LABELS[g.network as VerifyNetwork] ?? g.network;
              const several = g.offers.length > 1;
              return (
                <li key={key} className="card space-y-2" aria-labelledby={headingId}>
                  <p id={headingId} className="text-sm font-medium">
                    {offerQuestion(g.offers.map((o) => o.kind), g.member.name, g.network)}
                  </p>
                  <ul className="space-y-1 text-sm" aria-label={several ? "Choose which to add or dismiss" : undefined}>
                    {g.offers.map((o) => {
                      const day = fmt.day(o.occurredAt.toISOString());
                      const line = (
                        <>
                          <time dateTime={o.occurredAt.toISOString()}>{day}</time> <span className="muted">{offerLine(o.kind, first)}</span>
                        </>
                      );
                      return (
                        <li key={o.id} className="flex flex-wrap items-center gap-x-2">
                          {several ? (
                            <label className="inline-flex items-center gap-2">
                              <input type="checkbox" name="offers" value={o.id} form={formId} defaultChecked data-testid="offer-choice" />
                              <span>{line}</span>
                            </label>
                          ) : (
                            <span>{line}</span>
                          )}
                          <a href={o.postUrl} rel="nofollow noopener noreferrer" target="_blank" className="underline">
                            View on {where}
                            <span className="sr-only">
                              {" "}
                              (the {o.kind} of {day}, opens in a new tab)
                            </span>
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                  <p className="text-xs muted">
                    {several
                      ? `Adding logs each one you ticked as a ${where} interaction with ${first}, with the post as evidence; Rapport then checks it, as it does for any ${where} link. ${first} is told once, not once per post.`
                      : `Adding logs it as a ${where} interaction with ${first}, with the post as evidence; Rapport then checks it, as it does for any ${where} link.`}
                  </p>
                  <OfferButtons formId={formId} handle={g.member.handle} firstName={first} only={several ? null : g.offers[0].id} action={decideOffersAction} />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="awaiting-heading" className="space-y-3">
        <h2 id="awaiting-heading" className="text-lg font-semibold">
          Awaiting your confirmation <span className="text-sm font-normal muted">({awaiting.length})</span>
        </h2>
        {awaiting.length === 0 ? (
          <p className="card text-sm muted">Nothing to confirm. When someone logs a conversation with you elsewhere, it shows up here.</p>
        ) : (
          <ul className="space-y-3">
            {awaiting.map((row) => (
              <li key={row.id} className="card space-y-2">
                <p className="text-sm">
                  <a href={`/u/${row.other.handle}`} className="font-medium underline">
                    {row.other.name}
                  </a>{" "}
                  logged an interaction with you · <TimeAgo date={row.createdAt} fmt={fmt} className="text-xs muted" />
                </p>
                <Details row={row} fmt={fmt} />
                <p className="text-xs muted">Confirm if it happened as described; dispute if not. A disputed interaction never counts.</p>
                <div className="flex flex-wrap items-center gap-3">
                  <DecideButtons id={row.id} actorFirstName={row.other.name.split(" ")[0]} />
                  <ReportLink type="logged_interaction" id={row.id} label={`the interaction ${row.other.name} logged`} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-lg font-semibold">
          Logged by you
        </h2>
        {mine.length === 0 ? (
          <p className="card text-sm muted">
            You haven&apos;t logged anything. Talked to someone on X, at a meetup or on their blog?{" "}
            <Link href="/interactions/log" className="underline">
              Log it
            </Link>{" "}
            so it counts here too.
          </p>
        ) : (
          <ul className="space-y-3">
            {mine.map((row) => {
              const status = STATUS[row.status] ?? STATUS.pending;
              const v = loggedVerification(row, true);
              const label = v.verifiedBy && v.verifiedBy !== "member" ? VERIFIED_BY_LABELS[v.verifiedBy] : v.checking ? "Pending · Rapport is checking" : status.label;
              return (
                <li key={row.id} className="card space-y-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="text-sm">
                      With{" "}
                      <a href={`/u/${row.other.handle}`} className="font-medium underline">
                        {row.other.name}
                      </a>
                    </p>
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${status.className}`} data-testid="logged-status">
                      {v.verifiedBy && v.verifiedBy !== "member" ? "✓ " : ""}
                      {label.charAt(0).toUpperCase() + label.slice(1)}
                    </span>
                  </div>
                  <Details row={row} fmt={fmt} />
                  {v.reason ? (
                    <p className="text-sm text-amber-900 dark:text-amber-200" data-testid="check-reason">
                      <span className="font-medium">Rapport could not verify it:</span> {v.reason}
                    </p>
                  ) : null}
                  {row.status === "pending" ? <WithdrawButton id={row.id} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="about-heading" className="space-y-3">
        <h2 id="about-heading" className="text-lg font-semibold">
          About you
        </h2>
        <p className="text-sm muted">What others did toward you, and how much it counts under your protocol. Days are counted in UTC.</p>
        <div className="card">
          <InteractionTimeline items={about} viewerId={viewer.id} empty="Nobody has interacted with you yet. Posting and replying in the feed is how it starts." />
        </div>
      </section>
    </div>
  );
}
