import "server-only";
import path from "node:path";
import { dataDir } from "@/lib/db/config";
import { publicUrl } from "@/lib/env";

/** How mail leaves this process: an SMTP server (SMTP_URL), or .eml files in the data directory. */
export type MailConfig = { kind: "smtp"; url: string; from: string } | { kind: "files"; dir: string; from: string };

export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const from = env.MAIL_FROM?.trim() || "Rapport <no-reply@rapport.localhost>";
  const url = env.SMTP_URL?.trim();
  if (url) {
    if (!/^smtps?:\/\//.test(url)) throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got "${url.slice(0, 12)}…").`);
    return { kind: "smtp", url, from };
  }
  return { kind: "files", dir: path.join(dataDir(env), "outbox"), from };
}

/** False in production without SMTP_URL: mail would only be written to files nobody reads. */
export function emailDelivers(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim()) || env.NODE_ENV !== "production";
}

/** An absolute link for an email, from NEXTAUTH_URL (emails are read outside the app). */
export function absoluteUrl(pathname: string): string {
  const base = publicUrl() || `http://localhost:${process.env.PORT || 3000}`;
  return new URL(pathname, base.endsWith("/") ? base : `${base}/`).toString();
}
