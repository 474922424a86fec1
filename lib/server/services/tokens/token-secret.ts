import "server-only";
import crypto from "node:crypto";

/**
 * Personal access tokens: "rpt_" + 32 random bytes in base64url (43 characters). Only the
 * SHA-256 of the whole token is stored; the 8 characters after "rpt_" are kept as a visible
 * prefix so a member can tell their tokens apart. A fast hash is right here: the secret has
 * 256 bits of entropy, so there is nothing to brute-force, and it is checked on every call.
 */
export const TOKEN_PREFIX = "rpt_";
const TOKEN_RE = /^rpt_[A-Za-z0-9_-]{43}$/;

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  return { token, prefix: visiblePrefix(token), hash: hashToken(token) };
}

export const hashToken = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex");

export const visiblePrefix = (token: string) => token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 8);

/** Cheap shape check before any database work: anything else cannot be a token. */
export const looksLikeToken = (value: string) => TOKEN_RE.test(value);
