import type { RequesterRecord } from "@/lib/server/queries/requester-record";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The requester's recent record as plain facts, without judgement: the recipient draws
 * their own conclusion. "In the last 90 days: 12 requests sent · 9 accepted · 1 declined with “no”".
 */
export function RequesterRecordLine({ record, name }: { record: RequesterRecord; name?: string }) {
  const facts = [
    plural(record.sent, "request sent", "requests sent"),
    `${record.accepted} accepted`,
    `${record.declinedNo} declined with “no”`,
    ...(record.pending > 0 ? [`${record.pending} waiting`] : []),
  ];
  return (
    <p className="text-sm muted" data-testid="requester-record">
      <span className="sr-only">{name ? `${name}'s record. ` : "Their record. "}</span>
      In the last {record.windowDays} days: {facts.join(" · ")}
    </p>
  );
}
