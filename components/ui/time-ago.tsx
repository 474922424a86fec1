import { formatDateTime, relativeTime } from "@/lib/format";

/** "3 hours ago", with the exact time (UTC) on hover and focus and for machines. */
export function TimeAgo({ date, className }: { date: Date | string; className?: string }) {
  const d = new Date(date);
  return (
    <time dateTime={d.toISOString()} title={formatDateTime(d)} className={className}>
      {relativeTime(d)}
    </time>
  );
}
