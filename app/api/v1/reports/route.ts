import { apiRoute } from "@/lib/server/api/handler";
import { iso } from "@/lib/server/api/present/common";
import { reportRoute } from "@/lib/server/api/spec/members";
import { createReport } from "@/lib/server/services/reports/create-report";

export const POST = apiRoute(reportRoute, async ({ viewer, body, now }) => {
  const report = await createReport(viewer.id, body, now);
  return { ...report, createdAt: iso(report.createdAt) };
});
