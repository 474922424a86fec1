import type { DateFormat } from "@/lib/dates/format";

/** "3 hours ago", with the exact time in the reader's zone on hover and focus, and for machines. */
export function TimeAgo({ date, fmt, className }: { date: Date | string; fmt: DateFormat; className?: string }) {
  const d = new Date(date);
  return (
    <time dateTime={d.toISOString()} title={fmt.dateTime(d)} className={className}>
      {fmt.relative(d)}
    </time>
  );
}
