/** Environment facts shared by the server and the startup check (no server-only import here). */
export function missingSecretMessage(): string {
  return (
    "AUTH_SECRET is not set. Rapport signs sign-in sessions with it and will not start in " +
    "production without one. Generate one with `openssl rand -base64 32` and set AUTH_SECRET " +
    "in the environment (see .env.example)."
  );
}

export const hasAuthSecret = () => Boolean(process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET);

export function missingPublicUrlMessage(): string {
  return (
    "NEXTAUTH_URL is not set. Rapport builds sign-in redirects, OAuth callbacks and secure-cookie " +
    "decisions from its public URL and will not start in production without one. Set NEXTAUTH_URL " +
    "to the address members use, e.g. https://rapport.example.org (see .env.example)."
  );
}

/** The public URL, when configured (NEXTAUTH_URL, or AUTH_URL). */
export const publicUrl = () => process.env.NEXTAUTH_URL || process.env.AUTH_URL || "";

/** Said once at start in production without SMTP_URL (email is then only written to files). */
export function missingSmtpMessage(): string {
  return (
    "SMTP_URL is not set: Rapport writes emails (verification, password reset, notifications) as .eml files " +
    "to <RAPPORT_DATA_DIR>/outbox/ instead of sending them, and pages that need email say that email is not " +
    "configured. Set SMTP_URL=smtp://user:pass@host:587 (or smtps://…) and MAIL_FROM (see .env.example)."
  );
}
