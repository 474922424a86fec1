import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes writing one data directory would
 * corrupt it. A lock file holding the owner's pid keeps a second process out with a
 * message a person understands; a lock left by a dead process is taken over.
 */
export class DataDirInUseError extends Error {
  readonly code = "data_dir_in_use";
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in another Rapport process (pid ${pid}). ` +
        "Stop that process first (only one process may use the embedded database), or set " +
        "DATABASE_URL to a PostgreSQL server to run several processes.",
    );
    this.name = "DataDirInUseError";
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "rapport.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (Number.isFinite(owner) && alive(owner)) throw new DataDirInUseError(dir, owner);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
