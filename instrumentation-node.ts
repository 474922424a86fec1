import { dbTarget } from "@/lib/db/config";
import { acquireDataDirLock, DataDirInUseError } from "@/lib/db/data-dir-lock";
import { hasAuthSecret, missingPublicUrlMessage, missingSecretMessage, missingSmtpMessage, publicUrl } from "@/lib/env";

/**
 * Start-up checks, before the server listens: each failure is one line saying what to do,
 * and exit code 1 — never a server that starts and then answers every request with an error.
 */
function stop(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const production = process.env.NODE_ENV === "production";

// The secret that signs sessions.
if (production && !hasAuthSecret() && process.env.RAPPORT_ALLOW_DEV_SECRET !== "1") stop(missingSecretMessage());

// The public URL: without it next-auth points redirects at http://localhost:3000. (In
// development the auth route derives it from the request: app/api/auth/[...nextauth]/route.ts.)
if (production && !publicUrl()) stop(missingPublicUrlMessage());

// The embedded database's data directory, held for the life of the process: a second server
// on the same directory stops here instead of starting and answering 503 everywhere. The
// database itself still opens lazily (lib/server/db.ts), under this same lock.
const target = dbTarget();
if (target.kind === "pglite") {
  try {
    acquireDataDirLock(target.dataDir);
  } catch (e) {
    if (e instanceof DataDirInUseError) stop(e.message);
    throw e;
  }
}

// Email: without an SMTP server it is written to files; say so once, but start. (After the
// checks above: a server that refuses to start has one line to say, not two.)
if (production && !process.env.SMTP_URL?.trim()) console.warn(`\n[email] ${missingSmtpMessage()}\n`);

// The job worker, inside this process unless RAPPORT_WORKER=off (lib/server/jobs/in-process.ts).
// Not awaited: the server listens at once, and the worker's first start (pg-boss installing its
// schema) goes on beside it. A worker that cannot start is reported and the app keeps serving:
// nothing a member does waits on a job.
if (process.env.NEXT_PHASE !== "phase-production-build") {
  const { workerSetting, startInProcessWorker, stopInProcessWorker } = await import("@/lib/server/jobs/in-process");
  let setting;
  try {
    setting = workerSetting();
  } catch (e) {
    stop((e as Error).message);
  }
  if (setting === "on") {
    startInProcessWorker().catch((e) =>
      console.error(`The job worker could not start in this process (the app goes on serving): ${(e as Error).stack ?? e}`),
    );
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => void stopInProcessWorker(5_000).catch(() => {}));
    }
  }
}
