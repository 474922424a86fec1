// Makes an existing account an admin: `npm run admin:grant -- ana@example.org`.
// Runs with `tsx --conditions=react-server` (like the seed) so it can call the app's service,
// which records the grant in the audit log. Uses the database the environment points at.
import { describeTarget } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { grantAdminByEmail } from "@/lib/server/services/admin/bootstrap-admin";

const email = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!email || !email.includes("@")) {
  console.error("Usage: npm run admin:grant -- <email>\nMakes the account with this email an admin.");
  process.exit(64);
}

const opened = await openDatabase();
try {
  const r = await grantAdminByEmail(opened.db, { email, now: new Date() });
  console.log(
    r.granted
      ? `@${r.handle} (${email}) is now an admin on ${describeTarget(opened.target)}.`
      : `@${r.handle} (${email}) was already an admin; nothing changed.`,
  );
} catch (e) {
  if (e instanceof AppError) {
    console.error(`${e.message} Sign up with that email first, then run this again.`);
    process.exitCode = 1;
  } else {
    console.error(`admin:grant failed: ${(e as Error).stack}`);
    process.exitCode = 1;
  }
} finally {
  await opened.close();
}
