import "server-only";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/server/errors";
import { systemNow } from "@/lib/server/clock";
import type { TProblem } from "@/lib/validation/api/problem";

/**
 * The one place where failures become HTTP answers: RFC 9457 problem+json with a stable
 * `code`. Expected failures (AppError) keep their message; anything else becomes a 500 (or
 * a 503 when the database cannot be reached) without internals, logged on the server.
 */
export type ProblemCode = ErrorCode | "internal";

export const PROBLEM_TYPE_BASE = "https://rapport.example/problems/";

const TITLES: Record<ProblemCode, string> = {
  validation: "Some fields need attention",
  unauthenticated: "Authentication required",
  suspended: "Account suspended",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  already_exists: "Already exists",
  duplicate_pending: "A request is already pending",
  warmup_incomplete: "Not warmed up yet",
  cooldown: "Cooling down",
  closed: "Not accepting requests",
  too_new: "Account too new",
  blocked: "Not found",
  self: "Not possible with yourself",
  already_connected: "Already connected",
  weekly_limit: "Weekly request limit reached",
  pending_limit: "Too many pending requests",
  rate_limited: "Too many requests",
  payload_too_large: "Request body too large",
  idempotency_key_in_use: "Idempotency key in use",
  idempotency_key_reused: "Idempotency key reused",
  unavailable: "Service unavailable",
  internal: "Something went wrong",
};

const STATUS: Record<ProblemCode, number> = { ...ERROR_STATUS, internal: 500 };

/** Extension members a service may not overwrite through AppError.details. */
const RESERVED = new Set(["type", "title", "status", "detail", "code", "instance", "errors", "retryAt"]);

export type ProblemInit = {
  detail: string;
  errors?: { field: string; message: string }[];
  retryAt?: Date;
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export function problem(code: ProblemCode, init: ProblemInit): Response {
  const status = STATUS[code];
  // A block reads exactly like a missing member: same code, same words.
  const shownCode: ProblemCode = code === "blocked" ? "not_found" : code;
  const body: TProblem = {
    type: `${PROBLEM_TYPE_BASE}${shownCode}`,
    title: TITLES[shownCode],
    status,
    detail: init.detail,
    code: shownCode,
    ...Object.fromEntries(Object.entries(init.extra ?? {}).filter(([k]) => !RESERVED.has(k))),
    ...(init.errors?.length ? { errors: init.errors } : {}),
    ...(init.retryAt ? { retryAt: init.retryAt.toISOString() } : {}),
  };
  const headers = new Headers({ "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...init.headers });
  if (init.retryAt && !headers.has("Retry-After")) headers.set("Retry-After", String(retryAfterSeconds(init.retryAt)));
  if (status === 401 && !headers.has("WWW-Authenticate")) headers.set("WWW-Authenticate", 'Bearer realm="rapport"');
  return new Response(JSON.stringify(body), { status, headers });
}

export function retryAfterSeconds(at: Date, now: Date = systemNow()): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/** Field errors keyed by field (AppError.fields) as the problem's `errors` list. */
export function fieldList(fields: Record<string, string[]> | undefined): { field: string; message: string }[] {
  if (!fields) return [];
  return Object.entries(fields).flatMap(([field, messages]) =>
    messages.map((message) => ({ field: field === "form" ? "body" : field, message })),
  );
}

export function problemFromAppError(e: AppError): Response {
  const errors = fieldList(e.fields);
  return problem(e.code, { detail: e.message, errors, retryAt: e.retryAt, extra: e.details });
}

/** Any thrown value as a problem response. Never leaks a stack or a driver message. */
export function problemFromError(e: unknown): Response {
  if (e instanceof AppError) return problemFromAppError(e);
  if (isDatabaseUnavailable(e)) {
    console.error("[api] database unavailable:", describe(e));
    return problem("unavailable", {
      detail: "Rapport can't reach its database right now. Please try again in a moment.",
      headers: { "Retry-After": "30" },
    });
  }
  console.error("[api] unexpected error:", e);
  return problem("internal", { detail: "Something went wrong on our side. It has been logged; please try again." });
}

// P2024: no pooled connection in time; P2028: a transaction could not start, ran out of time,
// or was already closed under it (its connection died) — all "try again shortly", not a bug.
// P2037: too many database connections.
const UNAVAILABLE_PRISMA = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024", "P2028", "P2037"]);
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);
// PostgreSQL SQLSTATEs for "the server is going away or full": class 08 (connection
// exception), 57P01–57P05 (admin/crash shutdown, cannot connect now, database dropped, idle
// session timeout), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-5]|53300)$/;
const UNAVAILABLE_ADAPTER = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "TlsConnectionError",
  "TooManyConnections",
  "SocketTimeout",
]);

const UNAVAILABLE_MESSAGE = /PGlite failed to initialize|PGlite is closed|Could not open the embedded database|Can't reach database server/i;
// node-postgres reports a connection lost under a query (the first query after a database
// restart finds its pooled connection dead) with a plain Error and no code, which Prisma
// passes on as is: recognised by its message.
const PG_CONNECTION_LOST =
  /^(Connection terminated unexpectedly|Connection terminated|Connection terminated due to connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|server closed the connection unexpectedly)/i;

type ErrorLike = {
  code?: unknown;
  errorCode?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * True when the error, or anything it wraps, says the database cannot be reached: Prisma's
 * connection codes, the driver adapter's kinds, Node's socket errors, PostgreSQL's
 * connection/shutdown/too-many-connections SQLSTATEs, or the embedded database failing to
 * open or being closed. Prisma 7 nests the driver's error in `meta.driverAdapterError`
 * (whose `cause` carries the SQLSTATE, e.g. `{ kind: "postgres", code: "57P01" }`), next
 * to a generic outer code such as P2010 ("raw query failed") or P2039 ("database error").
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length) {
    const cur = queue.shift();
    if (!cur || typeof cur !== "object" || seen.has(cur)) continue;
    seen.add(cur);
    const err = cur as ErrorLike;
    if (saysUnavailable(err)) return true;
    queue.push(err.cause, err.meta?.driverAdapterError);
    if (Array.isArray(err.errors)) queue.push(...err.errors); // AggregateError (IPv4 and IPv6 both refused)
  }
  return false;
}

function saysUnavailable(err: ErrorLike): boolean {
  for (const code of [err.code, err.errorCode, err.originalCode]) {
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
  }
  if (typeof err.kind === "string" && UNAVAILABLE_ADAPTER.has(err.kind)) return true;
  if (err.name === "PrismaClientInitializationError" || err.name === "DataDirInUseError") return true;
  return typeof err.message === "string" && (UNAVAILABLE_MESSAGE.test(err.message) || PG_CONNECTION_LOST.test(err.message));
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
