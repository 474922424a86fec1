import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { enforceRateLimit } from "@/lib/server/services/interactions/rate-limit";
import { DAY } from "@/lib/warmup/time";
import { reportOpenKey, ZReportCreate, type TReportCreateInput } from "@/lib/validation/report";
import { findReportable } from "@/lib/server/queries/reportable";

/** Generous for honest members, but a flood of reports cannot bury the moderators' queue. */
export const REPORTS_PER_DAY = 20;

const alreadyReported = () => new AppError("already_exists", "You already reported this; a moderator will look at it.");

/**
 * A member reports a member, post, comment, kudos or logged interaction. One open report per
 * reporter and item: the unique open_key decides, also when two reports race.
 */
export async function createReport(db: Db, { reporterId, input, now }: { reporterId: string; input: TReportCreateInput; now: Date }) {
  const data = parseInput(ZReportCreate, input);
  const openKey = reportOpenKey(reporterId, data.subjectType, data.subjectId);
  try {
    return await db.$transaction(async (tx) => {
      await findReportable(tx, { viewerId: reporterId, type: data.subjectType, id: data.subjectId });
      // Checked before the limit: repeating a report is answered kindly, not counted.
      if (await tx.report.findUnique({ where: { openKey }, select: { id: true } })) throw alreadyReported();
      await enforceRateLimit(tx, {
        memberId: reporterId,
        limit: REPORTS_PER_DAY,
        windowMs: DAY,
        now,
        verb: "send reports",
        what: "reports per day",
        recent: (since, take) =>
          tx.report.findMany({ where: { reporterId, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, take, select: { createdAt: true } }),
      });
      return tx.report.create({
        data: { reporterId, subjectType: data.subjectType, subjectId: data.subjectId, reason: data.reason, text: data.text, openKey, createdAt: now },
        select: { id: true, subjectType: true, subjectId: true, reason: true, status: true, createdAt: true },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, "open_key") || isUniqueViolation(e, "openKey")) throw alreadyReported();
    throw e;
  }
}
