import "server-only";
import { problem } from "./problem";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Marks a handler that only refuses, so route discovery (tests/support/api-routes.ts) can tell it from a real route. */
export type RefusingHandler = ((req: Request) => Promise<Response>) & { readonly methodNotAllowed: true };

/**
 * Handlers for the methods a route file does not implement: 405 problem+json with an
 * `Allow` header naming the ones it does (Next.js alone answers an empty 405). A route file
 * spreads them beside its own: `export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"])`.
 * Unknown paths stay 404 (app/api/v1/[...path]/route.ts).
 */
export function methodsNotAllowed<const A extends readonly HttpMethod[]>(allowed: A): Record<Exclude<HttpMethod, A[number]>, RefusingHandler> {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const handler = Object.assign(
    async (req: Request) =>
      problem("method_not_allowed", {
        detail: `${new URL(req.url).pathname} does not accept ${req.method}. It accepts ${allowed.join(", ")}.`,
        headers: { Allow: allow },
      }),
    { methodNotAllowed: true as const },
  );
  const out: Partial<Record<HttpMethod, RefusingHandler>> = {};
  for (const m of HTTP_METHODS) if (!allowed.includes(m)) out[m] = handler;
  return out as Record<Exclude<HttpMethod, A[number]>, RefusingHandler>;
}
