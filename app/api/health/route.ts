// A trivial dynamic route: proof that the process serves requests, for load balancers and
// for the benchmark's ceiling (the same Next.js server path as the API's routes — which the
// edge, proxy.ts, skips unless the path holds a percent sign — and no database).
// Under the benchmark (RAPPORT_QUERY_LOG=1 with scripts/bench/query-counter.cjs preloaded)
// it also reports how many SQL statements the process has sent so far.
import { withApiSecurityHeaders } from "@/lib/server/api/security-headers";

export const dynamic = "force-dynamic";

type QueryCounter = { queries: number; control: number };

export function GET(): Response {
  const counter = (globalThis as { __rapportQueryCounter?: QueryCounter }).__rapportQueryCounter;
  const body = counter ? { ok: true, queries: counter.queries, control: counter.control } : { ok: true };
  return withApiSecurityHeaders(Response.json(body, { headers: { "Cache-Control": "no-store" } }));
}
