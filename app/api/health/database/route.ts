import { getDb } from "@/lib/server/db";
import { problemFromError } from "@/lib/server/api/problem";
import { withApiSecurityHeaders } from "@/lib/server/api/security-headers";

// Whether this process reaches its database right now: 200, or the API's 503 problem with
// Retry-After (lib/server/api/problem.ts). The error page asks it to tell a member "the
// database is away, try again in a moment" from "something went wrong".
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await (await getDb()).$queryRaw`SELECT 1`;
    return withApiSecurityHeaders(Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } }));
  } catch (e) {
    return problemFromError(e);
  }
}
