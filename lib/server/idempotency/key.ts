import { createHash } from "node:crypto";
import { fieldError } from "@/lib/server/errors";

/** The request header, as Stripe and the IETF httpapi draft name it. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
/** How long an answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_KEY_LENGTH = 255;

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * The key a request was sent with, or null when it has none. Accepts the draft's quoted
 * form (`"8e03…"`) and Stripe's bare form; 1–255 visible ASCII characters (a UUID is the
 * usual choice). Anything else is refused naming the header, so a client that means to be
 * safe never silently is not.
 */
export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  const value = raw.trim().replace(/^"(.*)"$/, "$1");
  if (value.length === 0 || value.length > MAX_KEY_LENGTH || !VISIBLE_ASCII.test(value)) {
    throw fieldError(
      IDEMPOTENCY_HEADER,
      `The ${IDEMPOTENCY_HEADER} header must be 1–${MAX_KEY_LENGTH} visible ASCII characters, e.g. a UUID.`,
    );
  }
  return value;
}

/** JSON with object keys sorted, so the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What makes two requests "the same request": the method, the path (with its query) and
 * the body's content (key order and white space do not matter).
 */
export function fingerprintOf(p: { method: string; path: string; body: unknown }): string {
  return createHash("sha256").update(`${p.method.toUpperCase()} ${p.path}\n${canonicalJson(p.body ?? null)}`).digest("hex");
}
