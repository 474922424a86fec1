import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { formatDateTime, relativeTime } from "@/lib/format";
import { markAllReadAction } from "@/lib/server/actions/notifications";
import { loadNotificationsPage } from "@/lib/server/loaders/notifications";

export const metadata = { title: "Notifications" };

type Props = { searchParams: Promise<{ cursor?: string }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const { cursor } = await searchParams;
  const { now, items, nextCursor, unread } = await loadNotificationsPage(cursor || null);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <ActionForm action={markAllReadAction} label="Mark all as read" pendingText="Marking…" />
      </div>
      <p className="text-sm muted">{unread > 0 ? `${unread} unread.` : "You're all caught up."}</p>
      {items.length === 0 ? (
        <p className="card text-sm muted">Nothing yet. When someone interacts with you, asks to connect or answers your request, you&rsquo;ll see it here.</p>
      ) : (
        <ol className="space-y-2">
          {items.map((n) => (
            <li
              key={n.id}
              className={`card flex items-start gap-3 ${n.read ? "" : "border-orange-300 bg-orange-50 dark:border-orange-800 dark:bg-orange-950/40"}`}
            >
              <span aria-hidden className={`mt-2 inline-block h-2 w-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-orange-600"}`} />
              <div className="min-w-0 flex-1">
                <p className={n.read ? "" : "font-medium"}>
                  {!n.read ? <span className="sr-only">Unread: </span> : null}
                  <Link href={n.href}>{n.text}</Link>
                </p>
                <p className="text-xs muted">
                  <time dateTime={n.createdAt.toISOString()} title={formatDateTime(n.createdAt)}>{relativeTime(n.createdAt, now)}</time>
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
