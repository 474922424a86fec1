import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory would
 * corrupt it. A lock file holding the owner's pid (and when it took the lock) keeps a second
 * process out with a message a person understands; a lock left by a dead process is taken
 * over. The server takes it at start-up (instrumentation-node.ts) and opens the database
 * lazily later, so the lock is re-entrant within one process: each acquire returns its own
 * release, and the file goes when the last holder lets go (or the process exits).
 */
export class DataDirInUseError extends Error {
  readonly code = "data_dir_in_use";
  constructor(dir: string, owner: LockOwner) {
    const since = owner.startedAt ? `, running since ${owner.startedAt}` : "";
    super(
      `The embedded database in ${dir} is already open in ${owner.pid === process.pid ? "this process" : "another Rapport process"} (pid ${owner.pid}${since}). ` +
        "Stop that process first (only one process may use the embedded database), or set " +
        "DATABASE_URL to a PostgreSQL server to run several processes.",
    );
    this.name = "DataDirInUseError";
  }
}

type LockOwner = { pid: number; startedAt?: string };

// On globalThis: Next.js bundles instrumentation and the routes separately, each with its
// own copy of this module, and both must see the same holders.
const holders = ((globalThis as { __rapportDataDirLocks?: Map<string, number> }).__rapportDataDirLocks ??= new Map());

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock file's owner: "<pid>" or "<pid>\n<ISO time>" (older files hold the pid alone). */
function readOwner(file: string): LockOwner {
  const [pid, startedAt] = fs.readFileSync(file, "utf8").split("\n");
  return { pid: Number.parseInt(pid, 10), ...(startedAt ? { startedAt } : {}) };
}

/**
 * Takes the data directory's lock, or joins it when this process already holds it (the
 * server takes it at start-up, then opens the database). `exclusive` refuses even then:
 * a backup or restore must not copy files that this very process has open.
 */
export function acquireDataDirLock(dir: string, opts: { exclusive?: boolean } = {}): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "rapport.lock");
  if (holders.has(file) && readOwnerOrNull(file)?.pid === process.pid) {
    if (opts.exclusive) throw new DataDirInUseError(dir, readOwner(file));
    return hold(file);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n${new Date().toISOString()}`, { flag: "wx" });
      process.once("exit", () => unlinkIfOurs(file));
      return hold(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readOwner(file);
      // Our own pid without a holder here is a lock from an earlier process that had this pid
      // (a container restarted after a crash): stale, like one whose process is gone.
      if (Number.isFinite(owner.pid) && owner.pid !== process.pid && alive(owner.pid)) throw new DataDirInUseError(dir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function hold(file: string): () => void {
  holders.set(file, (holders.get(file) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (holders.get(file) ?? 1) - 1;
    if (left > 0) return void holders.set(file, left);
    holders.delete(file);
    unlinkIfOurs(file);
  };
}

function readOwnerOrNull(file: string): LockOwner | null {
  try {
    return readOwner(file);
  } catch {
    return null;
  }
}

function unlinkIfOurs(file: string) {
  if (readOwnerOrNull(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
