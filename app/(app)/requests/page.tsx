import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { ActionForm } from "@/components/ui/action-form";
import { requestOutcome } from "@/components/requests/request-status";
import type { RequestListItem } from "@/lib/server/queries/requests";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { DateFormat } from "@/lib/dates/format";
import { REQUEST_TABS, ZRequestTab, type RequestTab } from "@/lib/validation/request";
import { cooldownUntil } from "@/lib/warmup/cooldown";
import { withdrawAction } from "@/lib/server/actions/requests";
import { loadRequestsPage } from "@/lib/server/loaders/requests";

export const metadata = { title: "Requests" };

type Props = { searchParams: Promise<{ tab?: string; cursor?: string }> };

const TAB_LABEL: Record<RequestTab, string> = { incoming: "Incoming", outgoing: "Outgoing", history: "History" };

export default async function RequestsPage({ searchParams }: Props) {
  const fmt = await dateFormat();
  const sp = await searchParams;
  const tab = ZRequestTab.parse(sp.tab);
  const { now, items, nextCursor, settings } = await loadRequestsPage(tab, sp.cursor ?? null);
  const withdrawUntil = fmt.date(cooldownUntil("withdraw", now, settings.requests));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Requests</h1>
      <nav aria-label="Request lists" className="flex gap-1 border-b border-stone-200 dark:border-stone-800">
        {REQUEST_TABS.map((t) => (
          <Link
            key={t}
            href={`/requests?tab=${t}`}
            aria-current={t === tab ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium no-underline ${t === tab ? "border-orange-700 text-orange-800 dark:border-orange-400 dark:text-orange-300" : "border-transparent muted hover:text-stone-900 dark:hover:text-stone-100"}`}
          >
            {TAB_LABEL[t]}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="card text-sm muted">{EMPTY[tab]}</p>
      ) : (
        <ul className="space-y-3">
          {items.map((r) => (
            <li key={r.id} className="card space-y-2">
              <RequestHeader r={r} now={now} fmt={fmt} />
              {tab === "incoming" ? (
                <>
                  <p className="prose-post line-clamp-3 text-sm">{r.note}</p>
                  <Link href={`/requests/${r.id}`} className="btn-primary">Review</Link>
                </>
              ) : tab === "outgoing" ? (
                <>
                  <p className="prose-post line-clamp-3 text-sm muted">{r.note}</p>
                  <p className="text-xs muted">{requestOutcome(r, fmt)}</p>
                  <ActionForm action={withdrawAction} fields={{ id: r.id }} label="Withdraw" pendingText="Withdrawing…">
                    <p className="text-xs muted">If you withdraw, you can ask {r.member.name.split(" ")[0]} again after {withdrawUntil}.</p>
                  </ActionForm>
                </>
              ) : (
                <>
                  <p className="text-sm">{requestOutcome(r, fmt)}</p>
                  <Link href={`/requests/${r.id}`} className="text-sm underline">Details</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={`/requests?tab=history&cursor=${encodeURIComponent(nextCursor)}`} className="btn-secondary">Older requests</Link>
      ) : null}
    </div>
  );
}

const EMPTY: Record<RequestTab, string> = {
  incoming: "No one is waiting for your answer. When someone who has warmed up to you asks to connect, their request and note appear here.",
  outgoing: "You have no requests waiting. When you're warmed up with someone, the Connect button on their profile lets you send a personal note.",
  history: "Nothing here yet. Requests you answer, withdraw or that expire are kept here.",
};

function RequestHeader({ r, now, fmt }: { r: RequestListItem; now: Date; fmt: DateFormat }) {
  const verb = r.direction === "incoming" ? "asked" : "sent";
  return (
    <div className="flex items-start gap-3">
      <Avatar name={r.member.name} seed={r.member.handle} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          <Link href={`/u/${r.member.handle}`}>{r.member.name}</Link> <span className="text-sm font-normal muted">@{r.member.handle}</span>
        </p>
        {r.member.headline ? <p className="truncate text-sm muted">{r.member.headline}</p> : null}
        <p className="text-xs muted">
          {r.direction === "incoming" ? "Asked" : "Sent"}{" "}
          <time dateTime={r.createdAt.toISOString()} title={fmt.dateTime(r.createdAt)}>
            {fmt.relative(r.createdAt, now)}
          </time>
          <span className="sr-only"> ({verb} on {fmt.date(r.createdAt)})</span>
        </p>
      </div>
    </div>
  );
}
