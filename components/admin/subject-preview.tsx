import type { DateFormat } from "@/lib/dates/format";
import type { SubjectPreview } from "@/lib/server/queries/reports";
import { SUBJECT_LABELS } from "@/lib/validation/report";

/** A reported item with its context, for moderators: who, what, when, where, and its state. */
/** `fmt`: the reader's date format, from the page. */
export function SubjectPreviewCard({ subject, clamp = false, now, fmt }: { subject: SubjectPreview; clamp?: boolean; now: Date; fmt: DateFormat }) {
  const label = SUBJECT_LABELS[subject.type];
  return (
    <div className="rounded-lg border border-stone-200 p-3 dark:border-stone-800" data-testid="report-subject">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium uppercase tracking-wide dark:bg-stone-800">{label}</span>
        {subject.owner ? (
          <a href={`/u/${subject.owner.handle}`} className="font-medium underline">
            {subject.owner.name} <span className="font-normal muted">@{subject.owner.handle}</span>
          </a>
        ) : null}
        {subject.owner?.suspended ? (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">suspended</span>
        ) : null}
        {subject.removed ? (
          <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-800 dark:bg-stone-700 dark:text-stone-100">removed</span>
        ) : null}
        {subject.createdAt ? (
          <time className="text-xs muted" dateTime={subject.createdAt.toISOString()} title={fmt.dateTime(subject.createdAt)}>
            {fmt.relative(subject.createdAt, now)}
          </time>
        ) : null}
      </p>
      {subject.context ? <p className="mt-1 text-xs muted">{subject.context}</p> : null}
      {subject.text ? (
        <p className={`prose-post mt-2 text-sm ${clamp ? "line-clamp-4" : ""} ${subject.removed ? "muted" : ""}`}>{subject.text}</p>
      ) : null}
      <p className="mt-2 flex flex-wrap gap-3 text-xs">
        {subject.evidenceUrl ? (
          <a href={subject.evidenceUrl} rel="nofollow noopener noreferrer" target="_blank" className="underline">
            Evidence: {subject.evidenceUrl}
          </a>
        ) : null}
        {subject.href && !subject.removed ? (
          <a href={subject.href} className="underline">
            See it in context
          </a>
        ) : null}
      </p>
    </div>
  );
}
