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

// P2024: no pooled connection in time; P2028: a transaction could not start (or ran out of
// time) because the database is overloaded — both mean "try again shortly", not a bug.
const UNAVAILABLE_PRISMA = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);
// PostgreSQL SQLSTATEs for "the server is going away or full".
const UNAVAILABLE_SQLSTATE = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
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

const UNAVAILABLE_MESSAGE = /PGlite failed to initialize|Could not open the embedded database|Can't reach database server/i;
// node-postgres reports a connection lost under a query (the first query after a database
// restart finds its pooled connection dead) with a plain Error and no code, which Prisma
// passes on as is: recognised by its message.
const PG_CONNECTION_LOST =
  /^(Connection terminated unexpectedly|Connection terminated|Connection terminated due to connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|server closed the connection unexpectedly)/i;

/**
 * True when the error (or anything in its cause chain) says the database cannot be reached:
 * Prisma's connection codes, the driver adapter's kinds, Node's socket errors, PostgreSQL's
 * shutdown/too-many-connections states, or the embedded database failing to open.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    const err = cur as { code?: unknown; errorCode?: unknown; kind?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    const code = typeof err.code === "string" ? err.code : typeof err.errorCode === "string" ? err.errorCode : "";
    if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.has(code)) return true;
    if (typeof err.kind === "string" && UNAVAILABLE_ADAPTER.has(err.kind)) return true;
    if (err.name === "PrismaClientInitializationError" || err.name === "DataDirInUseError") return true;
    if (typeof err.message === "string" && (UNAVAILABLE_MESSAGE.test(err.message) || PG_CONNECTION_LOST.test(err.message))) return true;
    // AggregateError (e.g. IPv4 and IPv6 both refused)
    if (Array.isArray(err.errors) && err.errors.some((x) => isDatabaseUnavailable(x))) return true;
    cur = err.cause;
  }
  return false;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
