import "server-only";
import crypto from "node:crypto";
import { authSecret } from "./secret";

/**
 * Sealing for second-factor secrets and the pending sign-in token. Keys are derived from
 * AUTH_SECRET with HKDF, one per purpose, so a database dump alone does not hold a usable TOTP
 * secret. Changing AUTH_SECRET makes sealed TOTP secrets unreadable: their owners then sign in
 * with a passkey or a recovery code and enrol the app again (docs/security.md).
 */
const keys = new Map<string, Buffer>();
const keyFor = (info: string) => {
  let k = keys.get(info);
  if (!k) keys.set(info, (k = Buffer.from(crypto.hkdfSync("sha256", authSecret(), "rapport", info, 32))));
  return k;
};

export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keyFor("totp secrets v1"), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when it cannot be opened (AUTH_SECRET changed, or the value was tampered with). */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", keyFor("totp secrets v1"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** HMAC-SHA-256 under a purpose-bound key, base64url. */
export function sign(info: string, payload: string): string {
  return crypto.createHmac("sha256", keyFor(info)).update(payload).digest("base64url");
}

export function signatureMatches(info: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(info, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
