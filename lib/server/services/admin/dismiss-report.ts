import "server-only";
import type { Db } from "@/lib/db/create-client";
import { parseInput } from "@/lib/server/validation";
import { ZReportDecision, type TReportDecisionInput } from "@/lib/validation/admin";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { assertAdmin } from "./assert-admin";
import { claimReport } from "./close-reports";

/**
 * An admin decides a report needs no action. Only this report closes: others about the same
 * item may say something this one did not.
 */
export async function dismissReport(db: Db, { adminId, input, now }: { adminId: string; input: TReportDecisionInput; now: Date }) {
  const { reportId, note } = parseInput(ZReportDecision, input);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, adminId, now);
    const report = await claimReport(tx, reportId, { status: "dismissed", adminId, now });
    await recordAudit(tx, {
      actorId: adminId,
      action: "admin.report_dismissed",
      subjectType: "report",
      subjectId: reportId,
      data: { subjectType: report.subjectType, subjectId: report.subjectId, reporterId: report.reporterId, ...(note ? { note } : {}) },
      at: now,
    });
    return { reportId };
  });
}
