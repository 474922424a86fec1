import Link from "next/link";
import type { RelationshipStatus } from "@/lib/warmup/types";
import { Avatar } from "@/components/ui/avatar";
import { StatusPill } from "@/components/relationship/status-pill";
import { WarmthProgress } from "@/components/relationship/warmth-progress";
import type { Dashboard as DashboardData, DashboardMember } from "@/lib/server/queries/dashboard";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { tabOf } from "@/lib/warmup/relationship-tabs";
import { Column } from "./column";

function Who({ m }: { m: DashboardMember }) {
  return (
    <span className="who">
      <Avatar name={m.name} seed={m.handle} size="sm" />
      <Link href={`/u/${m.handle}`}>{m.name}</Link>
    </span>
  );
}

/** A member with their warm-up status at the far end of the line. */
function WhoWithStatus({ m, status }: { m: DashboardMember; status: RelationshipStatus }) {
  return (
    <div className="who-row">
      <Who m={m} />
      <StatusPill status={status} />
    </div>
  );
}

function More({ n, href, label }: { n: number; href: string; label: string }) {
  return n > 0 ? (
    <li className="text-sm">
      <Link href={href} className="underline">{label.replace("{n}", String(n))}</Link>
    </li>
  ) : null;
}

const excerpt = (s: string, max = 120) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** The signed-in home: what needs an answer, who is ready, who is warming up, what is waiting. */
export async function Dashboard({ dashboard: d, now }: { dashboard: DashboardData; now: Date }) {
  const fmt = await dateFormat();
  const warmingCount = d.counts.warming + d.counts.cooling;
  const shownWarming = d.warming.filter((r) => tabOf(r.status) === "warming").length;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        <Column id="dash-incoming" title="Incoming requests" count={d.pending.incoming} badge empty="No one is waiting for your answer. Requests from people who warmed up to you appear here.">
          {d.incoming.map((r) => (
            <li key={r.id} className="space-y-1">
              <Who m={r.member} />
              <p className="text-sm muted">“{excerpt(r.note)}”</p>
              <p className="flex items-center justify-between text-xs muted">
                <time dateTime={r.createdAt.toISOString()} title={fmt.dateTime(r.createdAt)}>{fmt.relative(r.createdAt, now)}</time>
                <Link href={`/requests/${r.id}`} className="font-medium text-orange-800 underline dark:text-orange-300">
                  Review<span className="sr-only"> {r.member.name}&rsquo;s request</span>
                </Link>
              </p>
            </li>
          ))}
          <More n={d.pending.incoming - d.incoming.length} href="/requests?tab=incoming" label="{n} more waiting" />
        </Column>

        <Column id="dash-ready" title="Ready to connect" count={d.counts.ready} empty="No one yet. Keep the conversations going — when you meet someone's protocol, they appear here.">
          {d.ready.map((r) => (
            <li key={r.member.id} className="space-y-1">
              <WhoWithStatus m={r.member} status="warm" />
              {/* Someone leaving takes no new requests: say so instead of offering the note. */}
              {r.member.leaving ? (
                <p className="text-xs muted">{r.nextStep}</p>
              ) : (
                <Link href={`/u/${r.member.handle}/connect`} className="text-sm underline">
                  Send a personal note<span className="sr-only"> to {r.member.name}</span>
                </Link>
              )}
            </li>
          ))}
          <More n={d.counts.ready - d.ready.length} href="/relationships?tab=ready" label="{n} more ready to connect" />
        </Column>

        <Column id="dash-warming" title="Warming up" count={warmingCount} empty="Nobody is warming up yet. Reply to someone's post — that is how every good connection starts.">
          {d.warming.map((r) => (
            <li key={r.member.id} className="space-y-1">
              <WhoWithStatus m={r.member} status={r.status} />
              <WarmthProgress percent={r.percent} status={r.status} label={`Warm-up with ${r.member.name}`} size="sm" />
              {r.nextStep ? <p className="text-xs muted">{r.nextStep}</p> : null}
            </li>
          ))}
          {/* The column holds two tabs (warming up, cooling down): each one's rest links to its own tab. */}
          <More n={d.counts.warming - shownWarming} href="/relationships?tab=warming" label="{n} more, less far along" />
          <More n={d.counts.cooling - (d.warming.length - shownWarming)} href="/relationships?tab=cooling" label="{n} more cooling down" />
        </Column>

        <Column id="dash-waiting" title="Waiting on them" count={d.pending.outgoing} empty="You have no requests waiting. When you're warm with someone, their profile's Connect button lets you ask.">
          {d.outgoing.map((r) => (
            <li key={r.id} className="space-y-1">
              <Who m={r.member} />
              <p className="text-xs muted">
                Sent <time dateTime={r.createdAt.toISOString()} title={fmt.dateTime(r.createdAt)}>{fmt.relative(r.createdAt, now)}</time> · expires {fmt.date(r.expiresAt)}
              </p>
            </li>
          ))}
          <More n={d.pending.outgoing - d.outgoing.length} href="/requests?tab=outgoing" label="{n} more" />
        </Column>
      </div>

      <section aria-labelledby="dash-activity" className="card">
        <div className="flex items-center justify-between">
          <h2 id="dash-activity" className="font-semibold">Recent activity</h2>
          <Link href="/notifications" className="text-sm underline">All notifications</Link>
        </div>
        {d.activity.length === 0 ? (
          <p className="mt-2 text-sm muted">Nothing yet. When someone replies to you, thanks you or asks to connect, it shows up here.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
            {d.activity.map((n) => (
              <li key={n.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                <Link href={n.href} className={n.read ? "" : "font-medium"}>
                  {!n.read ? <span className="sr-only">Unread: </span> : null}
                  {n.text}
                </Link>
                <time className="shrink-0 text-xs muted" dateTime={n.createdAt.toISOString()} title={fmt.dateTime(n.createdAt)}>
                  {fmt.relative(n.createdAt, now)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
