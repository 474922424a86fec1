import { methodsNotAllowed } from "@/lib/server/api/method-not-allowed";
import { apiRoute } from "@/lib/server/api/handler";
import { exportMeRoute } from "@/lib/server/api/spec/accounts";
import { exportAccount } from "@/lib/server/queries/account-export";
import { getDb } from "@/lib/server/db";

/** A read: one JSON document, offered as a file to save. */
export const GET = apiRoute(exportMeRoute, async ({ viewer, now }) => {
  const data = await exportAccount(await getDb(), { memberId: viewer.id, now });
  const filename = `rapport-${viewer.handle}-${now.toISOString().slice(0, 10)}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
