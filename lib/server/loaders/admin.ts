import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listAdminAudit } from "@/lib/server/queries/admin-audit";
import { searchMembersForAdmin } from "@/lib/server/queries/admin-members";
import { openReportQueue, reportDetail } from "@/lib/server/queries/reports";
import { requesterRecord } from "@/lib/server/queries/requester-record";
import { appSettings } from "./request-cache";
import { dateFormat } from "./date-format";

/*
 * The admin pages' data. Each page first calls requireAdminPage() (app/(app)/admin): for
 * anyone but an active admin, admin pages do not exist.
 */

/** /admin: the open reports, oldest first. */
export async function loadAdminQueuePage(cursor: string | null | undefined) {
  const now = systemNow();
  const queue = await openReportQueue(await getDb(), { cursor, now, formatDate: (await dateFormat()).date });
  return { now, queue };
}

/** /admin/reports/[id]: one report, and its subject's owner's request record; null when unknown. */
export async function loadAdminReportPage(id: string) {
  const db = await getDb();
  const now = systemNow();
  const report = await reportDetail(db, { id, now, formatDate: (await dateFormat()).date });
  if (!report) return null;
  const owner = report.subject.owner;
  const record = owner ? await requesterRecord(db, { memberId: owner.id, now }) : null;
  return { now, report, record };
}

/** /admin/members: a search, or suspended members first, then the newest. */
export async function loadAdminMembersPage(q: string) {
  const now = systemNow();
  const members = await searchMembersForAdmin(await getDb(), { q, now });
  return { now, members };
}

/** /admin/audit */
export async function loadAdminAuditPage(cursor: string | null | undefined) {
  return { page: await listAdminAudit(await getDb(), { cursor }) };
}

/** /admin/settings */
export async function loadAdminSettingsPage() {
  return { settings: await appSettings() };
}
