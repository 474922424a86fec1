import Link from "next/link";
import { ZCursor } from "@/lib/validation/admin";
import { REASON_LABELS, SUBJECT_LABELS } from "@/lib/validation/report";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { AdminNav } from "@/components/admin/admin-nav";
import { ReportDecision } from "@/components/admin/report-decision";
import { dismissReportAction, removeContentAction } from "@/lib/server/actions/admin";
import { SubjectPreviewCard } from "@/components/admin/subject-preview";
import { requireAdminPage } from "./require-admin-page";
import { loadAdminQueuePage } from "@/lib/server/loaders/admin";

export const metadata = { title: "Moderation" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function AdminQueuePage({ searchParams }: Props) {
  const fmt = await dateFormat();
  await requireAdminPage();
  const cursor = ZCursor.safeParse((await searchParams).cursor);
  const { now, queue } = await loadAdminQueuePage(cursor.success ? cursor.data : null);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold">Moderation</h1>
      <AdminNav current="reports" openReports={queue.total} />
      <h2 className="mb-3 text-lg font-semibold">
        Open reports <span className="font-normal muted">({queue.total})</span>
      </h2>
      {queue.items.length === 0 ? (
        <p className="card muted">No open reports. Everyone is minding their manners.</p>
      ) : (
        <ol className="space-y-4" aria-label="Open reports, oldest first">
          {queue.items.map((r) => (
            <li key={r.id} className="card space-y-3" data-testid="report-item">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-sm">
                  <span className="font-semibold">{REASON_LABELS[r.reason as keyof typeof REASON_LABELS] ?? r.reason}</span>
                  {" · "}
                  {r.reason.startsWith("automatic") ? (
                    <span className="muted">flagged by Rapport</span>
                  ) : (
                    <span className="muted">
                      reported by <a href={`/u/${r.reporter.handle}`} className="underline">@{r.reporter.handle}</a>
                    </span>
                  )}{" "}
                  <time className="muted" dateTime={r.createdAt.toISOString()} title={fmt.dateTime(r.createdAt)}>
                    {fmt.relative(r.createdAt, now)}
                  </time>
                </p>
                <Link href={`/admin/reports/${r.id}`} className="text-sm underline">
                  Review{r.openOnSubject > 1 ? ` (${r.openOnSubject} open reports on this ${SUBJECT_LABELS[r.subject.type]})` : ""}
                </Link>
              </div>
              {r.text ? <p className="prose-post text-sm">“{r.text}”</p> : null}
              <SubjectPreviewCard subject={r.subject} clamp now={now} fmt={fmt} />
              <ReportDecision
                reportId={r.id}
                canRemove={r.subject.type !== "member" && r.subject.exists && !r.subject.removed}
                what={SUBJECT_LABELS[r.subject.type]}
                removeContentAction={removeContentAction}
                dismissReportAction={dismissReportAction}
              />
            </li>
          ))}
        </ol>
      )}
      {queue.nextCursor ? (
        <p className="mt-4">
          <Link href={`/admin?cursor=${queue.nextCursor}`} className="btn-secondary">
            More reports
          </Link>
        </p>
      ) : null}
    </div>
  );
}
