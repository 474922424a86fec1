import "server-only";
import { AppError, notFound } from "@/lib/server/errors";
import { systemNow } from "@/lib/server/clock";
import { clientIp } from "@/lib/server/request-ip";
import type { Viewer } from "@/lib/server/auth/viewer";
import { ZNoBody } from "@/lib/validation/api/common";
import { authenticate } from "./auth";
import { checkDeclaredLength, readJsonBody } from "./body";
import { problemFromError } from "./problem";
import type { RouteInput, RouteResult, RouteSpec } from "./route-spec";
import { validate } from "@/lib/server/validation";
import { findNul } from "@/lib/security/nul";

export type HandlerContext<S extends RouteSpec> = RouteInput<S> & {
  req: Request;
  /** the request's "now" (lib/server/clock.ts), passed on to services */
  now: Date;
  ip: string;
  viewer: S["auth"] extends "member" ? Viewer : null;
};

/** What Next.js passes as the second argument of a route handler. */
export type NextRouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The one wrapper every /api/v1 route handler goes through, in a fixed order: body size,
 * caller, path parameters, query, body, handler — and every failure, expected or not, as
 * problem+json (lib/server/api/problem.ts). Route files stay a few lines long.
 */
export function apiRoute<const S extends RouteSpec>(
  spec: S,
  handler: (ctx: HandlerContext<S>) => Promise<RouteResult<S> | Response>,
): (req: Request, ctx?: NextRouteContext) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const now = systemNow();
      checkDeclaredLength(req);
      let viewer: Viewer | null = null;
      if (spec.auth === "member") {
        const caller = await authenticate(req, now);
        if (!caller) {
          throw new AppError("unauthenticated", "Authenticate with `Authorization: Bearer <token>` (create one with POST /api/v1/tokens) or sign in.");
        }
        viewer = caller.viewer;
      }
      const params = await parseParams(spec, ctx);
      const query = spec.query ? validate(spec.query, queryObject(req), "query") : undefined;
      const raw = req.method === "GET" || req.method === "HEAD" ? undefined : await readJsonBody(req);
      let body: unknown = undefined;
      if (spec.body) body = validate(spec.body, raw, "body");
      else if (raw !== undefined) validate(ZNoBody, raw, "body"); // `{}` is fine; fields are not

      const result = await handler({ req, now, ip: clientIp(req.headers), viewer, params, query, body } as HandlerContext<S>);
      if (result instanceof Response) return result;
      const status = spec.status ?? (spec.response ? 200 : 204);
      if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
      return new Response(JSON.stringify(result), { status, headers: JSON_HEADERS });
    } catch (e) {
      return problemFromError(e);
    }
  };
}

async function parseParams(spec: RouteSpec, ctx: NextRouteContext | undefined): Promise<unknown> {
  if (!spec.params) return {};
  const raw = (await ctx?.params) ?? {};
  const parsed = findNul(raw) === null ? spec.params.safeParse(raw) : { success: false as const };
  if (parsed.success) return parsed.data;
  // An id or handle that cannot exist is simply not found (never "invalid id", which would
  // tell a prober more than it needs).
  throw notFound(spec.resource ? `That ${spec.resource}` : "That item");
}

/** Query parameters as a plain object; a repeated parameter keeps its last value. */
function queryObject(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) out[k] = v;
  return out;
}
