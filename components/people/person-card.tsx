import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { MemberHeading } from "@/components/relationship/member-heading";
import { WarmthProgress } from "@/components/relationship/warmth-progress";
import type { PersonCard as Person } from "@/lib/server/queries/person-cards";
import { peopleHref } from "@/lib/validation/people";

/** A member found or suggested: who, their topics and protocol, how warm you are, and why (suggestions). */
export function PersonCard({ person: m, reasons, compact = false }: { person: Person; reasons?: string[]; compact?: boolean }) {
  const { status, percent } = m.relationship;
  const showBar = status !== "connected" && status !== "closed" && status !== "blocked" && status !== "incoming";
  return (
    <li className="card flex items-start gap-3">
      <Avatar name={m.name} seed={m.handle} />
      <div className="min-w-0 flex-1 space-y-2">
        <MemberHeading member={m} status={status} />
        {reasons?.length ? (
          <p className="text-sm">
            <span className="sr-only">Why: </span>
            {reasons.map((r, i) => (
              <span key={r}>
                {i === 0 ? r.charAt(0).toUpperCase() + r.slice(1) : r}
                {i < reasons.length - 1 ? <span aria-hidden className="muted"> · </span> : null}
              </span>
            ))}
          </p>
        ) : null}
        {showBar && !compact ? <WarmthProgress percent={percent} status={status} label={`Warm-up with ${m.name}`} size="sm" /> : null}
        <p className="text-xs muted">
          <span className="font-medium">Protocol:</span> {m.protocol}
        </p>
        {compact ? null : <TopicList topics={m.topics} label={`${m.name}'s topics`} />}
      </div>
    </li>
  );
}

/** A member's topics as chips, each linking to everyone with it; nothing when there are none. */
export function TopicList({ topics, label, className = "" }: { topics: string[]; label: string; className?: string }) {
  if (!topics.length) return null;
  return (
    <ul className={`flex flex-wrap gap-1.5 ${className}`} aria-label={label}>
      {topics.map((t) => (
        <li key={t}>
          <TopicLink topic={t} />
        </li>
      ))}
    </ul>
  );
}

/** A topic as a chip linking to everyone with it. */
export function TopicLink({ topic }: { topic: string }) {
  return (
    <Link
      href={peopleHref({ topic })}
      className="inline-block rounded-full border border-stone-300 px-2 py-0.5 text-xs text-stone-700 no-underline hover:border-orange-600 hover:text-orange-800 dark:border-stone-700 dark:text-stone-300 dark:hover:text-orange-300"
    >
      #{topic}
    </Link>
  );
}
