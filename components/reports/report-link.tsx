import Link from "next/link";
import type { ReportSubjectType } from "@/lib/validation/report";

/** A quiet "Report" link to the report page (cheap enough for every post and comment). */
export function ReportLink({ type, id, label }: { type: ReportSubjectType; id: string; label: string }) {
  return (
    <Link
      href={`/report?type=${type}&id=${encodeURIComponent(id)}`}
      aria-label={`Report ${label}`}
      className="rounded px-1.5 py-0.5 text-xs text-stone-500 no-underline hover:bg-stone-100 hover:text-stone-800 dark:text-stone-400 dark:hover:bg-stone-800"
    >
      Report
    </Link>
  );
}
