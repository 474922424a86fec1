import { hasAuthSecret, missingSecretMessage } from "@/lib/env";

// Refuse to serve in production without the secret that signs sessions, and say what to do.
if (process.env.NODE_ENV === "production" && !hasAuthSecret() && process.env.RAPPORT_ALLOW_DEV_SECRET !== "1") {
  console.error(`\n${missingSecretMessage()}\n`);
  process.exit(1);
}
