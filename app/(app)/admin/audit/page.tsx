import Link from "next/link";
import type { AuditRow } from "@/lib/server/queries/admin-audit";
import { ZCursor } from "@/lib/validation/admin";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { DateFormat } from "@/lib/dates/format";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminPage } from "../require-admin-page";
import { loadAdminAuditPage } from "@/lib/server/loaders/admin";

export const metadata = { title: "Audit log · Admin" };

const ACTIONS: Record<string, string> = {
  "admin.report_dismissed": "Dismissed a report",
  "admin.content_removed": "Removed content",
  "admin.member_suspended": "Suspended a member",
  "admin.member_unsuspended": "Lifted a suspension",
  "admin.settings_updated": "Changed settings",
  "admin.role_granted": "Made an admin",
};

function subjectLink(r: AuditRow) {
  const handle = typeof r.data.handle === "string" ? r.data.handle : null;
  if (r.subjectType === "report") return <Link className="underline" href={`/admin/reports/${r.subjectId}`}>report</Link>;
  if (r.subjectType === "member") return handle ? <Link className="underline" href={`/u/${handle}`}>@{handle}</Link> : <span>member {r.subjectId}</span>;
  if (r.subjectType === "app_settings") return <Link className="underline" href="/admin/settings">settings</Link>;
  const reportId = typeof r.data.reportId === "string" ? r.data.reportId : null;
  const label = r.subjectType.replace("_", " ");
  return reportId ? <Link className="underline" href={`/admin/reports/${reportId}`}>{label}</Link> : <span>{label}</span>;
}

/** The facts worth a glance; the full record stays in the row's data. */
function details(r: AuditRow, fmt: DateFormat): string {
  const d = r.data;
  const parts: string[] = [];
  if (typeof d.reason === "string") parts.push(`“${d.reason}”`);
  if (typeof d.until === "string") parts.push(`until ${fmt.date(d.until)}`);
  if (Array.isArray(d.requestsWithdrawn)) parts.push(`${d.requestsWithdrawn.length} request(s) withdrawn`);
  if (typeof d.interactionsRemoved === "number") parts.push(`${d.interactionsRemoved} interaction(s) removed`);
  if (d.changes && typeof d.changes === "object") {
    const changes = Object.entries(d.changes as Record<string, { from: unknown; to: unknown }>);
    parts.push(changes.length ? changes.map(([k, v]) => `${k}: ${String(v.from)} → ${String(v.to)}`).join(", ") : "no changes");
  }
  if (typeof d.via === "string") parts.push(d.via === "env" ? "via RAPPORT_ADMIN_EMAIL" : "via npm run admin:grant");
  if (typeof d.note === "string") parts.push(`note: ${d.note}`);
  return parts.join(" · ");
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const fmt = await dateFormat();
  await requireAdminPage();
  const cursor = ZCursor.safeParse((await searchParams).cursor);
  const { page } = await loadAdminAuditPage(cursor.success ? cursor.data : null);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AdminNav current="audit" />
      {page.items.length === 0 ? (
        <p className="card muted">No admin actions yet.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full text-sm">
            <caption className="sr-only">Admin actions, newest first</caption>
            <thead className="border-b border-stone-200 text-left dark:border-stone-800">
              <tr>
                <th scope="col" className="p-3 font-medium">When</th>
                <th scope="col" className="p-3 font-medium">Who</th>
                <th scope="col" className="p-3 font-medium">What</th>
                <th scope="col" className="p-3 font-medium">About</th>
                <th scope="col" className="p-3 font-medium">Details</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id} className="border-b border-stone-100 align-top last:border-0 dark:border-stone-800" data-testid="audit-row">
                  <td className="whitespace-nowrap p-3">{fmt.dateTime(r.createdAt)}</td>
                  <td className="p-3">{r.actor ? `@${r.actor.handle}` : <span className="muted">system</span>}</td>
                  <td className="p-3" title={r.action}>{ACTIONS[r.action] ?? r.action}</td>
                  <td className="p-3">{subjectLink(r)}</td>
                  <td className="p-3 muted">{details(r, fmt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link className="btn-secondary" href={`/admin/audit?cursor=${page.nextCursor}`}>
            Older entries
          </Link>
        </p>
      ) : null}
    </div>
  );
}
