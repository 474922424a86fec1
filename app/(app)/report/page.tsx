import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { findReportable, type Reportable } from "@/lib/server/services/reports/reportable";
import { REPORT_SUBJECTS, SUBJECT_LABELS, type ReportSubjectType } from "@/lib/validation/report";
import { formatDate } from "@/lib/format";
import { ReportForm } from "@/components/reports/report-form";
import { reportAction } from "@/lib/server/actions/reports";

export const metadata = { title: "Report" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/**
 * /report?type=post&id=… — the Report form on a page of its own: for links from places
 * without room for the inline control, and for clients without JavaScript.
 */
export default async function ReportPage({ searchParams }: Props) {
  const viewer = await requireMemberPage();
  const { type, id } = await searchParams;
  if (!type || !id || !(REPORT_SUBJECTS as readonly string[]).includes(type) || id.length > 64) notFound();
  const subjectType = type as ReportSubjectType;
  let item: Reportable;
  try {
    item = await findReportable(await getDb(), viewer.id, subjectType, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "self") {
      return (
        <div className="mx-auto max-w-xl card">
          <h1 className="text-xl font-semibold">Report</h1>
          <p className="mt-2">{e.message}</p>
        </div>
      );
    }
    if (e instanceof AppError) notFound();
    throw e;
  }
  const label = subjectType === "member" ? `@${item.owner.handle}` : `@${item.owner.handle}'s ${SUBJECT_LABELS[subjectType]}`;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Report {label}</h1>
      <figure className="card">
        <figcaption className="text-sm muted">
          {subjectType === "member" ? `${item.owner.name}, member since ${formatDate(item.createdAt)}` : `${item.owner.name}, ${formatDate(item.createdAt)}`}
        </figcaption>
        {item.text ? <blockquote className="prose-post mt-2 line-clamp-6">{item.text}</blockquote> : null}
      </figure>
      <div className="card">
        <ReportForm subjectType={subjectType} subjectId={id} subjectLabel={label} collapsible={false} reportAction={reportAction} />
      </div>
      <p className="text-sm">
        <a href={`/u/${item.owner.handle}`} className="underline">
          Back to {item.owner.name}&apos;s profile
        </a>
      </p>
    </div>
  );
}
