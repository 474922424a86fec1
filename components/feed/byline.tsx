import { TimeAgo } from "@/components/ui/time-ago";
import type { DateFormat } from "@/lib/dates/format";

/** "Ana Ferreira · 3h ago" above a comment or kudos: the author's name links to their profile. */
export function Byline({ author, createdAt, fmt }: { author: { handle: string; name: string }; createdAt: Date; fmt: DateFormat }) {
  return (
    <p className="text-sm">
      <a href={`/u/${author.handle}`} className="font-medium no-underline hover:underline">
        {author.name}
      </a>{" "}
      <span className="text-xs muted">
        · <TimeAgo date={createdAt} fmt={fmt} />
      </span>
    </p>
  );
}
