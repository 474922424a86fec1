import "server-only";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/server/errors";
import { systemNow } from "@/lib/server/clock";
import type { TProblem } from "@/lib/validation/api/problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { withApiSecurityHeaders } from "./security-headers";

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
  token_expired: "Token expired",
  suspended: "Account suspended",
  insufficient_scope: "Token lacks the scope",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  already_exists: "Already exists",
  duplicate_pending: "A request is already pending",
  warmup_incomplete: "Not warmed up yet",
  cooldown: "Cooling down",
  closed: "Not accepting requests",
  leaving: "Leaving Rapport",
  too_new: "Account too new",
  blocked: "Not found",
  self: "Not possible with yourself",
  already_connected: "Already connected",
  weekly_limit: "Weekly request limit reached",
  pending_limit: "Too many pending requests",
  rate_limited: "Too many requests",
  email_unverified: "Email address not confirmed",
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
  if (!headers.has("WWW-Authenticate")) {
    // RFC 6750 §3: say which bearer error it was, and which scope was missing.
    if (code === "token_expired") headers.set("WWW-Authenticate", 'Bearer realm="rapport", error="invalid_token", error_description="The token expired"');
    else if (code === "insufficient_scope") headers.set("WWW-Authenticate", `Bearer realm="rapport", error="insufficient_scope", scope="${String(init.extra?.requiredScope ?? "")}"`);
    else if (status === 401) headers.set("WWW-Authenticate", 'Bearer realm="rapport"');
  }
  return withApiSecurityHeaders(new Response(JSON.stringify(body), { status, headers }));
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


function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
