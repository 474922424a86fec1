import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";

/**
 * Closes open reports (freeing their open_key, so the item can be reported again later if
 * it comes back or happens again). Returns the ids closed.
 */
export async function closeReports(
  tx: Tx,
  where: Prisma.ReportWhereInput,
  p: { status: "actioned" | "dismissed"; adminId: string; now: Date },
): Promise<string[]> {
  const open = await tx.report.findMany({ where: { ...where, status: "open" }, select: { id: true } });
  if (open.length === 0) return [];
  const ids = open.map((r) => r.id);
  await tx.report.updateMany({
    where: { id: { in: ids }, status: "open" },
    data: { status: p.status, openKey: null, resolvedAt: p.now, resolvedById: p.adminId },
  });
  return ids;
}

/**
 * Claims the report an admin is acting on: closes it if it is still open, atomically, so two
 * admins acting at once cannot both act (the second waits for the first's row lock, then
 * finds it closed). Returns the report, or throws not_found / conflict.
 */
export async function claimReport(tx: Tx, reportId: string, p: { status: "actioned" | "dismissed"; adminId: string; now: Date }) {
  const report = await tx.report.findUnique({
    where: { id: reportId },
    select: { id: true, subjectType: true, subjectId: true, reporterId: true },
  });
  if (!report) throw notFound("That report");
  const { count } = await tx.report.updateMany({
    where: { id: reportId, status: "open" },
    data: { status: p.status, openKey: null, resolvedAt: p.now, resolvedById: p.adminId },
  });
  if (count === 0) throw new AppError("conflict", "This report was already handled.");
  return report;
}
