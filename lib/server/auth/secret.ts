import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { missingSecretMessage } from "@/lib/env";

/**
 * AUTH_SECRET signs session cookies. Production refuses to run without one (see
 * instrumentation.ts); in development a random one is generated once and kept in the data
 * directory so sessions survive restarts.
 */
let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  if (process.env.NODE_ENV === "production" && process.env.RAPPORT_ALLOW_DEV_SECRET !== "1") {
    throw new Error(missingSecretMessage());
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, cached, { mode: 0o600 });
  }
  return cached;
}
