import { problem } from "@/lib/server/api/problem";

/** Any other /api/v1 address: a problem+json 404 rather than the HTML not-found page. */
const notFound = async (req: Request) =>
  problem("not_found", {
    detail: `There is no ${req.method} ${new URL(req.url).pathname} in the Rapport API. See /api/v1/openapi.json for what there is.`,
  });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
