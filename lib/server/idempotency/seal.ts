import "server-only";
import crypto from "node:crypto";
import { authSecret } from "@/lib/server/auth/secret";

/**
 * Stored answers are sealed (AES-256-GCM, key derived from AUTH_SECRET): an answer may hold
 * what must never sit readable in the database — a new API token is shown once, in the
 * answer to the write that made it — and a retry still gets it back whole.
 */
let key: Buffer | undefined;
const sealKey = () => (key ??= Buffer.from(crypto.hkdfSync("sha256", authSecret(), "rapport", "idempotency answers v1", 32)));

export function sealAnswer(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", sealKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The answer, or null when it cannot be opened (AUTH_SECRET changed since): the retry then runs anew. */
export function openAnswer(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", sealKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
