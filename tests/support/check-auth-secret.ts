// Loads the session secret the way the server does, for tests/integration/security/secrets.test.ts.
// Usage: node --conditions=react-server --import tsx tests/support/check-auth-secret.ts
// Prints "ok <length>" when a secret is available; otherwise the error message, exit 1.
import { authSecret } from "@/lib/server/auth/secret";

try {
  console.log(`ok ${authSecret().length}`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
