import "server-only";
import { AppError, notFound } from "@/lib/server/errors";
import { systemNow } from "@/lib/server/clock";
import { clientIp } from "@/lib/server/request-ip";
import type { Viewer } from "@/lib/server/auth/viewer";
import { ZNoBody } from "@/lib/validation/api/common";
import { authenticate, requireScope } from "./auth";
import { checkDeclaredLength, readJsonBody } from "./body";
import { problem, problemFromError } from "./problem";
import { rateLimitHeaders, readLimiter, type ReadVerdict } from "@/lib/server/rate-limit/read-limit";
import type { RouteInput, RouteResult, RouteSpec } from "./route-spec";
import { validate } from "@/lib/server/validation";
import { findNul } from "@/lib/security/nul";
import { getRootDb } from "@/lib/server/db";
import { withApiSecurityHeaders } from "./security-headers";
import { inUnitOfWork } from "@/lib/server/unit-of-work";
import { fingerprintOf, idempotencyKeyOf, REPLAYED_HEADER } from "@/lib/server/idempotency/key";
import { claimKey, storeAnswer, storedAnswer, type StoredAnswer } from "@/lib/server/idempotency/store";

export type HandlerContext<S extends RouteSpec> = RouteInput<S> & {
  req: Request;
  /** the request's "now" (lib/server/clock.ts), passed on to services */
  now: Date;
  ip: string;
  viewer: S["auth"] extends "member" ? Viewer : null;
};

type Handler<S extends RouteSpec> = (ctx: HandlerContext<S>) => Promise<RouteResult<S> | Response>;

/**
 * A write that must first ask another server (Bluesky, Mastodon, GitHub): `prepare` runs before
 * the write's transaction opens — no transaction waits on a slow network — and must write
 * nothing; `write` runs in the unit of work with what `prepare` found. A refusal in `prepare`
 * stores nothing at all.
 */
export type PreparedWrite<S extends RouteSpec, P> = {
  prepare: (ctx: HandlerContext<S>) => Promise<P>;
  write: (ctx: HandlerContext<S> & { prepared: P }) => Promise<RouteResult<S> | Response>;
};

/** What Next.js passes as the second argument of a route handler. */
export type NextRouteContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The one wrapper every /api/v1 route handler goes through, in a fixed order: body size,
 * caller, idempotency key, path parameters, query, body, handler — and every failure,
 * expected or not, as problem+json (lib/server/api/problem.ts). A write (any method but GET)
 * runs in one unit of work with its answer and, when sent with an `Idempotency-Key`, the
 * stored answer for retries (lib/server/idempotency/). Route files stay a few lines long.
 * A handler that must read another server first is a `PreparedWrite`.
 */
export function apiRoute<const S extends RouteSpec, P = never>(
  spec: S,
  handler: Handler<S> | PreparedWrite<S, P>,
): (req: Request, ctx?: NextRouteContext) => Promise<Response> {
  const steps: { prepare: PreparedWrite<S, P>["prepare"] | null; write: PreparedWrite<S, P>["write"] } =
    typeof handler === "function" ? { prepare: null, write: handler } : handler;

  return async (req, ctx) => withApiSecurityHeaders(await respond(req, ctx));

  async function respond(req: Request, ctx?: NextRouteContext): Promise<Response> {
    try {
      const now = systemNow();
      checkDeclaredLength(req);
      let viewer: Viewer | null = null;
      let tokenId: string | null = null;
      if (spec.auth === "member") {
        const caller = await authenticate(req, now);
        if (!caller) {
          throw new AppError("unauthenticated", "Authenticate with `Authorization: Bearer <token>` (create one with POST /api/v1/tokens) or sign in.");
        }
        requireScope(caller, spec.scope);
        viewer = caller.viewer;
        if (caller.via === "token") tokenId = caller.tokenId;
      }
      const write = req.method !== "GET" && req.method !== "HEAD";
      // Reads are limited per token, member and address (lib/server/rate-limit/read-limit.ts);
      // writes have their own limits in the services (budgets, cooldowns, posting limits).
      let limit: ReadVerdict | null = null;
      if (!write) {
        limit = await readLimiter().consume({ ip: clientIp(req.headers), memberId: viewer?.id, tokenId });
        if (limit && !limit.ok) {
          return problem("rate_limited", {
            detail: `Too many reads: at most ${limit.limit} a minute. Try again in ${limit.resetSeconds} s.`,
            retryAt: new Date(now.getTime() + limit.resetSeconds * 1000),
            headers: { "Retry-After": String(limit.resetSeconds), ...rateLimitHeaders(limit) },
          });
        }
      }
      const key = write ? idempotencyKeyOf(req.headers) : null;
      const params = await parseParams(spec, ctx);
      const query = spec.query ? validate(spec.query, queryObject(req), "query") : undefined;
      const raw = write ? await readJsonBody(req) : undefined;
      let body: unknown = undefined;
      if (spec.body) body = validate(spec.body, raw, "body");
      else if (raw !== undefined) validate(ZNoBody, raw, "body"); // `{}` is fine; fields are not

      const ip = clientIp(req.headers);
      const input = { req, now, ip, viewer, params, query, body } as HandlerContext<S>;
      // (a plain handler is never prepared: `prepared` stays undefined for it)
      let prepared = undefined as P;
      const run = () => steps.write({ ...input, prepared }).then((result) => answer(spec, result));
      if (!write) {
        if (steps.prepare) prepared = await steps.prepare(input);
        const response = await run();
        if (limit) for (const [k, v] of Object.entries(rateLimitHeaders(limit))) response.headers.set(k, v);
        return response;
      }

      const url = new URL(req.url);
      const keyed = key && {
        caller: viewer ? viewer.id : `ip:${ip}`,
        key,
        fingerprint: fingerprintOf({ method: req.method, path: url.pathname + url.search, body: raw }),
        now,
      };
      if (steps.prepare) {
        // A retry already answered gets that answer before anything is asked again: checked
        // again, the first request's own write could make it refuse (a code just handed out).
        const stored = keyed ? await storedAnswer(await getRootDb(), keyed) : null;
        if (stored) return replayed(stored);
        try {
          prepared = await steps.prepare(input);
        } catch (e) {
          // The first request may have written while this retry asked: its refusal would then be
          // made from what that request wrote (the code it started, a link just verified). So the
          // key decides, as it would have in the write: the first answer if it is stored now, 409
          // while the first request's write is still open, and only otherwise this refusal.
          const late = keyed && e instanceof AppError ? await (await getRootDb()).$transaction((tx) => claimKey(tx, keyed)) : null;
          if (late) return replayed(late);
          throw e;
        }
      }

      // A write: the handler's writes, its answer and the key's record commit together, so
      // a 2xx means stored and a failure means nothing was (lib/server/unit-of-work.ts).
      return await inUnitOfWork(await getRootDb(), async (db) => {
        const stored = keyed ? await claimKey(db, keyed) : null;
        if (stored) return replayed(stored);
        const response = await run();
        if (keyed && response.ok) await storeAnswer(db, keyed, { status: response.status, body: response.status === 204 ? null : await response.clone().text() });
        return response;
      });
    } catch (e) {
      return problemFromError(e);
    }
  }
}

function answer<S extends RouteSpec>(spec: S, result: RouteResult<S> | Response): Response {
  if (result instanceof Response) return result;
  const status = spec.status ?? (spec.response ? 200 : 204);
  if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
  return new Response(JSON.stringify(result), { status, headers: JSON_HEADERS });
}

/** A retry of a write already answered: the stored answer, marked as such, nothing written. */
function replayed(stored: StoredAnswer): Response {
  const headers = stored.body === null ? { "Cache-Control": "no-store" } : { ...JSON_HEADERS };
  return new Response(stored.body, { status: stored.status, headers: { ...headers, [REPLAYED_HEADER]: "true" } });
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
