import type { TimelineItem, TimelineMember } from "@/lib/server/queries/pair-history";
import { Avatar } from "@/components/ui/avatar";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { DateFormat } from "@/lib/dates/format";
import { notCountedWords, VERDICT_NOTE_WORDS } from "@/lib/warmup/wording";
import { groupPoints, rowsOfDay, type Tone } from "./timeline-rows";

const PLATFORM_PHRASE: Record<string, string> = {
  x: "on X",
  linkedin: "on LinkedIn",
  mastodon: "on Mastodon",
  bluesky: "on Bluesky",
  github: "on GitHub",
  blog: "on a blog",
  event: "at an event",
  other: "elsewhere",
};

const first = (m: TimelineMember) => m.name.split(" ")[0];

/** "You commented on Ana's post", "Ana logged a reply to you on X", … */
export function describeItem(item: TimelineItem, viewerId: string): string {
  const actor = item.actor.id === viewerId ? "You" : first(item.actor);
  const mine = item.target.id === viewerId;
  const their = mine ? "your" : `${first(item.target)}'s`;
  const them = mine ? "you" : first(item.target);
  const where = PLATFORM_PHRASE[item.platform ?? ""] ?? "elsewhere";
  let what: string;
  switch (item.kind) {
    case "comment":
      what = item.context === "reply" ? `replied to ${their} comment` : `commented on ${their} post`;
      break;
    case "mention":
      what = `mentioned ${them} in a ${item.context === "comment" ? "comment" : "post"}`;
      break;
    case "reaction":
      what = `reacted to ${their} ${item.context === "comment" ? "comment" : "post"}`;
      break;
    case "share":
      what = `shared ${their} post`;
      break;
    case "kudos":
      what = `gave ${them} kudos`;
      break;
    case "introduction":
      what = `was introduced to ${them}`;
      break;
    default:
      switch (item.loggedKind) {
        case "reply":
          what = `logged a reply to ${them} ${where}`;
          break;
        case "comment":
          what = `logged a comment on ${their} post ${where}`;
          break;
        case "mention":
          what = `logged a mention of ${them} ${where}`;
          break;
        case "share":
          what = `logged sharing ${their} post ${where}`;
          break;
        case "met_in_person":
          what = `logged meeting ${them} in person${item.platform === "event" ? " at an event" : ""}`;
          break;
        default:
          what = `logged an interaction with ${them} ${where}`;
      }
  }
  return `${actor} ${what}`;
}

const BADGES: Record<TimelineItem["verification"], { label: string; className: string }> = {
  verified: { label: "Observed", className: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950/50 dark:text-sky-100 dark:ring-sky-800" },
  pending: { label: "Pending", className: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-100 dark:ring-amber-800" },
  confirmed: { label: "Confirmed", className: "bg-green-50 text-green-900 ring-green-200 dark:bg-green-950/50 dark:text-green-100 dark:ring-green-800" },
  disputed: { label: "Disputed", className: "bg-red-50 text-red-900 ring-red-200 dark:bg-red-950/50 dark:text-red-100 dark:ring-red-800" },
  removed: { label: "Removed", className: "bg-stone-100 text-stone-700 ring-stone-200 line-through dark:bg-stone-800 dark:text-stone-300 dark:ring-stone-700" },
};

const ICONS: Record<TimelineItem["verification"], string> = { verified: "👁", pending: "⏳", confirmed: "✓", disputed: "✕", removed: "⌫" };

/** "+3 pts", or why it did not (fully) count. Reaching out counts, but is no points: a quieter tone. */
export function pointsText(item: TimelineItem): { text: string; tone: Tone } | null {
  if (item.counted === null) return null;
  if (!item.counted) return { text: notCountedWords(item.reason, item.windowDays), tone: "none" };
  if (item.direction === "incoming") return { text: "counts as them reaching out", tone: "quiet" };
  const pts = `+${item.points} ${item.points === 1 ? "pt" : "pts"}`;
  if (item.note) return { text: `${pts} · ${VERDICT_NOTE_WORDS[item.note]}`, tone: "points" };
  return { text: pts, tone: "points" };
}

const TONE_CLASS: Record<Tone, string> = {
  points: "font-semibold text-warm dark:text-orange-300",
  quiet: "italic muted",
  none: "muted",
};

function Points({ pts }: { pts: { text: string; tone: Tone } | null }) {
  return pts ? <span className={TONE_CLASS[pts.tone]}>{pts.text}</span> : null;
}

function Pair({ item }: { item: TimelineItem }) {
  return (
    <span className="flex items-center -space-x-1" aria-hidden>
      <Avatar name={item.actor.name} seed={item.actor.id} size="sm" />
      <span className="z-10 px-1 text-xs muted">→</span>
      <Avatar name={item.target.name} seed={item.target.id} size="sm" />
    </span>
  );
}

/** "You reacted to 10 of Ana's posts" */
export function describeGroup(items: readonly TimelineItem[], viewerId: string): string {
  const one = items[0];
  const actor = one.actor.id === viewerId ? "You" : first(one.actor);
  const their = one.target.id === viewerId ? "your" : `${first(one.target)}'s`;
  const onComments = items.filter((i) => i.context === "comment").length;
  const what = onComments === 0 ? "posts" : onComments === items.length ? "comments" : "posts and comments";
  return `${actor} reacted to ${items.length} of ${their} ${what}`;
}

/** The dot on the timeline's line, beside each row. */
function TimelineDot() {
  return <span aria-hidden className="absolute left-[0.6rem] top-2 h-2.5 w-2.5 rounded-full bg-stone-300 ring-4 ring-white dark:bg-stone-600 dark:ring-stone-900" />;
}

/** A burst of reactions of one day and direction, as one row. */
function GroupItem({ items, viewerId, fmt, now }: { items: TimelineItem[]; viewerId: string; fmt: DateFormat; now: Date }) {
  const one = items[0];
  const last = items[items.length - 1];
  return (
    <li className="relative pl-8">
      <TimelineDot />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Pair item={one} />
        <p className="text-sm">
          <span className="font-medium">{describeGroup(items, viewerId)}</span>{" "}
          <span className="text-xs muted">
            <When item={last} fmt={fmt} now={now} />
          </span>
        </p>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <Points pts={groupPoints(items)} />
      </div>
    </li>
  );
}

/**
 * When it happened. A logged interaction has only a calendar date ("occurred on"): it reads in
 * calendar days ("7 days ago", never "6 days ago" for its nominal midday), with the date itself.
 */
function When({ item, fmt, now, className }: { item: TimelineItem; fmt: DateFormat; now: Date; className?: string }) {
  if (item.source === "logged") {
    return (
      <time dateTime={item.day} title={fmt.day(item.day)} className={className}>
        {fmt.relativeDay(item.day, now)}
        <span className="sr-only"> ({fmt.day(item.day)})</span>
      </time>
    );
  }
  return (
    <time dateTime={item.occurredAt} title={fmt.dateTime(item.occurredAt)} className={className}>
      {fmt.relative(item.occurredAt, now)}
      <span className="sr-only"> ({fmt.dateTime(item.occurredAt)})</span>
    </time>
  );
}

/** A logged interaction Rapport proved through a network's public API: "verified on Bluesky". */
function badgeOf(item: TimelineItem): { label: string; className: string; icon: string } {
  if (item.source === "logged" && item.verification === "verified") {
    const where = item.platform === "bluesky" ? "Bluesky" : item.platform === "mastodon" ? "Mastodon" : item.platform === "github" ? "GitHub" : "its network";
    return { ...BADGES.confirmed, label: `Verified on ${where}`, icon: "✓" };
  }
  return { ...BADGES[item.verification], icon: ICONS[item.verification] };
}

function Item({ item, viewerId, fmt, now }: { item: TimelineItem; viewerId: string; fmt: DateFormat; now: Date }) {
  const badge = badgeOf(item);
  const pts = pointsText(item);
  const linkLabel = item.external ? "Evidence" : "View";
  return (
    <li className="relative pl-8">
      <TimelineDot />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Pair item={item} />
        <p className="text-sm">
          <span className="font-medium">{describeItem(item, viewerId)}</span>{" "}
          <When item={item} fmt={fmt} now={now} className="text-xs muted" />
        </p>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${badge.className}`}>
          <span aria-hidden>{badge.icon}</span>
          {badge.label}
        </span>
        <Points pts={pts} />
        {item.href ? (
          <a
            href={item.href}
            className="underline"
            {...(item.external ? { rel: "nofollow noopener noreferrer ugc", target: "_blank" } : {})}
          >
            {linkLabel}
            <span className="sr-only">{item.external ? " (opens the evidence link)" : " where it happened"}</span>
          </a>
        ) : null}
      </div>
      {item.excerpt ? <p className="prose-post mt-1 border-l-2 border-stone-200 pl-2 text-sm muted dark:border-stone-700">{item.excerpt}</p> : null}
    </li>
  );
}

/**
 * The two-way history as a vertical timeline, grouped by UTC day — the days are what the
 * distinct-days rule counts. Within a day, a burst of reactions one way reads as one row. Props are plain data, so any page (profile panel, request
 * review, /interactions) can render it.
 */
export async function InteractionTimeline({
  items,
  viewerId,
  empty,
  olderLeftOut = false,
}: {
  items: TimelineItem[];
  viewerId: string;
  empty?: string;
  /** `items` are only the latest ones (loadShownPairHistory): say that older ones were left out */
  olderLeftOut?: boolean;
}) {
  if (items.length === 0) {
    return <p className="text-sm muted">{empty ?? "No interactions yet. A thoughtful comment on one of their posts is a good start."}</p>;
  }
  const fmt = await dateFormat();
  const now = fmt.now;
  const days: { day: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const last = days[days.length - 1];
    if (last?.day === item.day) last.items.push(item);
    else days.push({ day: item.day, items: [item] });
  }
  return (
    <>
      <ol className="relative space-y-5 before:absolute before:bottom-2 before:left-[0.9rem] before:top-2 before:w-px before:bg-stone-200 dark:before:bg-stone-700" aria-label="Interaction history (days in UTC)">
        {days.map((d) => (
          <li key={d.day}>
            <h3 className="relative mb-2 pl-8 text-xs font-semibold uppercase tracking-wide muted">
              <time dateTime={d.day}>{fmt.day(d.day)}</time>
              <span className="sr-only"> (UTC day)</span>
            </h3>
            <ol className="space-y-3">
              {rowsOfDay(d.items).map((row) =>
                row.type === "item" ? (
                  <Item key={row.item.id} item={row.item} viewerId={viewerId} fmt={fmt} now={now} />
                ) : (
                  <GroupItem key={row.key} items={row.items} viewerId={viewerId} fmt={fmt} now={now} />
                ),
              )}
            </ol>
          </li>
        ))}
      </ol>
      {olderLeftOut ? (
        <p className="text-xs muted" data-testid="history-capped">
          The latest {items.length} interactions are listed; older ones are not. The bars count every interaction in the window.
        </p>
      ) : null}
    </>
  );
}
