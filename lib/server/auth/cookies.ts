import "server-only";

/** Secure cookies whenever the app is served over HTTPS (always in production). */
export function useSecureCookies(): boolean {
  const url = process.env.NEXTAUTH_URL ?? process.env.AUTH_URL ?? "";
  return url.startsWith("https://") || (process.env.NODE_ENV === "production" && process.env.RAPPORT_INSECURE_COOKIES !== "1");
}

export function sessionCookieName(): string {
  return useSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
