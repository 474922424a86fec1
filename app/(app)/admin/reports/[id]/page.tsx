import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { REASON_LABELS, SUBJECT_LABELS } from "@/lib/validation/report";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { AdminNav } from "@/components/admin/admin-nav";
import { ReportDecision } from "@/components/admin/report-decision";
import { SubjectPreviewCard } from "@/components/admin/subject-preview";
import { SuspendForm, UnsuspendForm } from "@/components/admin/suspend-form";
import { dismissReportAction, removeContentAction, suspendMemberAction, unsuspendMemberAction } from "@/lib/server/actions/admin";
import { RequesterRecordLine } from "@/components/requests/requester-record";
import { requireAdminPage } from "../../require-admin-page";
import { loadAdminReportPage } from "@/lib/server/loaders/admin";

export const metadata = { title: "Report" };

const STATUS: Record<string, string> = { open: "Open", actioned: "Actioned", dismissed: "Dismissed" };
const reasonLabel = (r: string) => REASON_LABELS[r as keyof typeof REASON_LABELS] ?? r;

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const fmt = await dateFormat();
  const admin = await requireAdminPage();
  const { id } = await params;
  const data = await loadAdminReportPage(id);
  if (!data) notFound();
  const { now, report, record } = data;
  const { subject } = report;
  const owner = subject.owner;
  const open = report.status === "open";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">Report about a {SUBJECT_LABELS[subject.type]}</h1>
      <AdminNav current="reports" />
      <BackLink href="/admin" className="mb-4 text-sm">Back to the queue</BackLink>
      <section className="card space-y-3" aria-labelledby="report-h">
        <h2 id="report-h" className="text-lg font-semibold">
          {reasonLabel(report.reason)} <span className="text-sm font-normal muted">· {STATUS[report.status] ?? report.status}</span>
        </h2>
        <p className="text-sm muted">
          {report.reason.startsWith("automatic") ? "Flagged by Rapport" : <>Reported by <a className="underline" href={`/u/${report.reporter.handle}`}>@{report.reporter.handle}</a></>}{" "}
          on {fmt.dateTime(report.createdAt)}
          {report.resolvedAt ? ` · closed ${fmt.dateTime(report.resolvedAt)}${report.resolvedBy ? ` by @${report.resolvedBy.handle}` : ""}` : ""}
        </p>
        {report.text ? <p className="prose-post">“{report.text}”</p> : null}
        <SubjectPreviewCard subject={subject} now={now} fmt={fmt} />
        {owner && record ? (
          <div>
            <h3 className="text-sm font-medium">{owner.name}&apos;s requests</h3>
            <RequesterRecordLine record={record} name={owner.name} />
          </div>
        ) : null}
        {open ? <ReportDecision reportId={report.id} canRemove={subject.type !== "member" && subject.exists && !subject.removed} what={SUBJECT_LABELS[subject.type]} removeContentAction={removeContentAction} dismissReportAction={dismissReportAction} /> : null}
        {owner && owner.id !== admin.id ? (
          owner.suspended ? (
            <UnsuspendForm member={owner} unsuspendMemberAction={unsuspendMemberAction} />
          ) : (
            <SuspendForm member={owner} reportId={open ? report.id : undefined} today={now.toISOString().slice(0, 10)} suspendMemberAction={suspendMemberAction} />
          )
        ) : null}
      </section>
      <section className="mt-6" aria-labelledby="others-h">
        <h2 id="others-h" className="mb-2 text-lg font-semibold">Other reports about this {SUBJECT_LABELS[subject.type]}</h2>
        {report.others.length === 0 ? (
          <p className="text-sm muted">None.</p>
        ) : (
          <ul className="space-y-2">
            {report.others.map((o) => (
              <li key={o.id} className="card text-sm">
                <Link href={`/admin/reports/${o.id}`} className="font-medium underline">
                  {reasonLabel(o.reason)}
                </Link>{" "}
                <span className="muted">
                  · {STATUS[o.status] ?? o.status} · @{o.reporter.handle} · {fmt.dateTime(o.createdAt)}
                </span>
                {o.text ? <p className="prose-post mt-1">“{o.text}”</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
