import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { MarkShownRead } from "@/components/notifications/mark-shown-read";
import { markAllReadAction, markShownReadAction } from "@/lib/server/actions/notifications";
import { loadNotificationsPage } from "@/lib/server/loaders/notifications";

export const metadata = { title: "Notifications" };

/** Read this recently (by opening this page) still shows as new, so a visit does not wipe what was new. */
const NEW_FOR_MS = 10 * 60_000;

type Props = { searchParams: Promise<{ cursor?: string }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const fmt = await dateFormat();
  const { cursor } = await searchParams;
  const { now, items, nextCursor, unread } = await loadNotificationsPage(cursor || null);
  const isNew = (n: (typeof items)[number]) => !n.readAt || now.getTime() - n.readAt.getTime() < NEW_FOR_MS;
  const shownUnread = items.filter((n) => !n.read).map((n) => n.id);
  // Opening the page marks what it shows as read, yet those stay highlighted for a while, so
  // "all caught up" would contradict the orange cards: say what the highlight means instead.
  const status =
    unread > 0
      ? `${unread} unread.`
      : items.some(isNew)
        ? `All marked read — new ones stay highlighted for ${NEW_FOR_MS / 60_000} minutes.`
        : "You're all caught up.";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <MarkShownRead ids={shownUnread} action={markShownReadAction} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        {unread > 0 ? <ActionForm action={markAllReadAction} label="Mark all as read" pendingText="Marking…" /> : null}
      </div>
      <p className="text-sm muted">{status}</p>
      {items.length === 0 ? (
        <p className="card text-sm muted">Nothing yet. When someone interacts with you, asks to connect or answers your request, you&rsquo;ll see it here.</p>
      ) : (
        <ol className="space-y-2">
          {items.map((n) => (
            <li
              key={n.id}
              className={`card flex items-start gap-3 ${isNew(n) ? "border-orange-300 bg-orange-50 dark:border-orange-800 dark:bg-orange-950/40" : ""}`}
            >
              <span aria-hidden className={`mt-2 inline-block h-2 w-2 shrink-0 rounded-full ${isNew(n) ? "bg-orange-600" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1">
                <p className={isNew(n) ? "font-medium" : ""}>
                  {isNew(n) ? <span className="sr-only">New: </span> : null}
                  <Link href={n.href}>{n.text}</Link>
                </p>
                <p className="text-xs muted">
                  <time dateTime={n.createdAt.toISOString()} title={fmt.dateTime(n.createdAt)}>{fmt.relative(n.createdAt, now)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {nextCursor ? <Link href={`/notifications?cursor=${encodeURIComponent(nextCursor)}`} className="btn-secondary">Older notifications</Link> : null}
    </div>
  );
}
