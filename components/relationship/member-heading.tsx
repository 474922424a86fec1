import Link from "next/link";
import type { RelationshipStatus } from "@/lib/warmup/types";
import { StatusPill } from "./status-pill";

/** A member in a list card: name linking to the profile, handle, headline, and where you stand (the pill) — beside on wide screens, under on phones. */
export function MemberHeading({ member: m, status }: { member: { name: string; handle: string; headline: string | null }; status: RelationshipStatus }) {
  return (
    <div className="flex flex-col items-start gap-1 sm:flex-row sm:justify-between sm:gap-3">
      <div className="min-w-0 max-w-full">
        <p className="font-medium">
          <Link href={`/u/${m.handle}`}>{m.name}</Link> <span className="text-sm font-normal muted">@{m.handle}</span>
        </p>
        {m.headline ? <p className="truncate text-sm muted">{m.headline}</p> : null}
      </div>
      <StatusPill status={status} />
    </div>
  );
}
