import { apiRoute } from "@/lib/server/api/handler";
import { iso } from "@/lib/server/api/present/common";
import { reportRoute } from "@/lib/server/api/spec/members";
import { createReport } from "@/lib/server/services/reports/create-report";
import { getDb } from "@/lib/server/db";
import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";

export const POST = apiRoute(reportRoute, async ({ viewer, body, now }) => {
  const report = await createReport(await getDb(), { reporterId: viewer.id, input: body, now });
  return { ...report, createdAt: iso(report.createdAt) };
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
