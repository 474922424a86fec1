import "server-only";
import { publicUrl } from "@/lib/env";

/** Secure cookies when the public URL is https, or in production when no URL is configured. */
export function secureCookies(): boolean {
  const url = publicUrl();
  if (url) return url.startsWith("https://");
  return process.env.NODE_ENV === "production";
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
