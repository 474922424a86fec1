import { notFound } from "next/navigation";
import { SUBJECT_LABELS } from "@/lib/validation/report";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { ReportForm } from "@/components/reports/report-form";
import { reportAction } from "@/lib/server/actions/reports";
import { loadReportPage } from "@/lib/server/loaders/report";

export const metadata = { title: "Report" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/**
 * /report?type=post&id=… — the Report form on a page of its own: for links from places
 * without room for the inline control, and for clients without JavaScript.
 */
export default async function ReportPage({ searchParams }: Props) {
  const fmt = await dateFormat();
  const { type, id } = await searchParams;
  const found = await loadReportPage({ type, id });
  if (!found) notFound();
  if ("self" in found) {
    return (
      <div className="mx-auto max-w-xl card">
        <h1 className="text-xl font-semibold">Report</h1>
        <p className="mt-2">{found.self}</p>
      </div>
    );
  }
  const { item, type: subjectType, id: subjectId } = found;
  const label = subjectType === "member" ? `@${item.owner.handle}` : `@${item.owner.handle}'s ${SUBJECT_LABELS[subjectType]}`;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Report {label}</h1>
      <figure className="card">
        <figcaption className="text-sm muted">
          {subjectType === "member" ? `${item.owner.name}, member since ${fmt.date(item.createdAt)}` : `${item.owner.name}, ${fmt.date(item.createdAt)}`}
        </figcaption>
        {item.text ? <blockquote className="prose-post mt-2 line-clamp-6">{item.text}</blockquote> : null}
      </figure>
      <div className="card">
        <ReportForm subjectType={subjectType} subjectId={subjectId} subjectLabel={label} collapsible={false} reportAction={reportAction} />
      </div>
      <p className="text-sm">
        <a href={`/u/${item.owner.handle}`} className="underline">
          Back to {item.owner.name}&apos;s profile
        </a>
      </p>
    </div>
  );
}
