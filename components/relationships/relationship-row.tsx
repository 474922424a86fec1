import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { MemberHeading } from "@/components/relationship/member-heading";
import { WarmthProgress } from "@/components/relationship/warmth-progress";
import type { RelationshipItem } from "@/lib/server/queries/relationships";
import { dateFormat } from "@/lib/server/loaders/date-format";

/** One relationship: who, how warm (pill and bar), the next step in words, and the obvious action when there is one. */
export async function RelationshipRow({ r, now }: { r: RelationshipItem; now: Date }) {
  const fmt = await dateFormat();
  const m = r.member;
  const first = m.name.split(" ")[0];
  return (
    <li className="card flex items-start gap-3">
      <Avatar name={m.name} seed={m.handle} />
      <div className="min-w-0 flex-1 space-y-2">
        <MemberHeading member={m} status={r.status} />
        {/* When they asked, your progress toward their protocol is beside the point: the request is what to answer. */}
        {r.status === "incoming" ? null : <WarmthProgress percent={r.percent} status={r.status} label={`Warm-up with ${m.name}`} size="sm" />}
        {r.nextStep ? <p className="text-sm">{r.nextStep}</p> : null}
        <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs muted">
          {r.lastInteractionAt ? (
            <span>
              Last interaction{" "}
              <time dateTime={r.lastInteractionAt.toISOString()} title={fmt.dateTime(r.lastInteractionAt)}>
                {fmt.relative(r.lastInteractionAt, now)}
              </time>
            </span>
          ) : (
            <span>No recent interaction</span>
          )}
          {r.status === "warm" && !m.leaving ? (
            <Link href={`/u/${m.handle}/connect`} className="font-medium text-orange-800 underline dark:text-orange-300">
              Send a personal note<span className="sr-only"> to {m.name}</span>
            </Link>
          ) : r.status === "incoming" ? (
            <Link href="/requests?tab=incoming" className="font-medium text-orange-800 underline dark:text-orange-300">
              Review {first}&rsquo;s request
            </Link>
          ) : null}
        </p>
      </div>
    </li>
  );
}
