import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { findReportable, type Reportable } from "@/lib/server/queries/reportable";
import { REPORT_SUBJECTS, type ReportSubjectType } from "@/lib/validation/report";
import { requireMemberPage } from "@/lib/server/auth/session";

/**
 * /report?type=…&id=…: what the viewer would report, or why they cannot ("self": their own
 * item, with the message to show), or null when it does not exist for them.
 */
export async function loadReportPage(p: {
  type: string | undefined;
  id: string | undefined;
}): Promise<{ type: ReportSubjectType; id: string; item: Reportable } | { self: string } | null> {
  const viewer = await requireMemberPage();
  const { type, id } = p;
  if (!type || !id || !(REPORT_SUBJECTS as readonly string[]).includes(type) || id.length > 64) return null;
  try {
    const subjectType = type as ReportSubjectType;
    return { type: subjectType, id, item: await findReportable(await getDb(), { viewerId: viewer.id, type: subjectType, id }) };
  } catch (e) {
    if (e instanceof AppError && e.code === "self") return { self: e.message };
    if (e instanceof AppError) return null;
    throw e;
  }
}
