import "server-only";

/**
 * Expected failures: a stable code, a plain message for people, and the HTTP status it
 * maps to. Thrown by services, turned into form errors by actions and into problem+json
 * by the API — in one place each (lib/server/action-result.ts, lib/server/api/problem.ts).
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  token_expired: 401,
  suspended: 403,
  insufficient_scope: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  duplicate_pending: 409,
  warmup_incomplete: 409,
  cooldown: 409,
  closed: 409,
  leaving: 409,
  too_new: 409,
  blocked: 404,
  self: 400,
  already_connected: 409,
  weekly_limit: 429,
  pending_limit: 429,
  rate_limited: 429,
  email_unverified: 403,
  payload_too_large: 413,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** extra machine-readable facts (e.g. the evaluation for warmup_incomplete) */
  readonly details?: Record<string, unknown>;
  /** when a limit frees up */
  readonly retryAt?: Date;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldErrors; details?: Record<string, unknown>; retryAt?: Date } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
    this.retryAt = opts.retryAt;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "That page") =>
  new AppError("not_found", `${what} could not be found.`);

export function fieldError(field: string, message: string): AppError {
  return new AppError("validation", message, { fields: { [field]: [message] } });
}

export function isUniqueViolation(e: unknown, field?: string): boolean {
  const err = e as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (err?.code !== "P2002") return false;
  if (!field) return true;
  const target = JSON.stringify(err.meta ?? {});
  return target.includes(field);
}
