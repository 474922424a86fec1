import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { acquireDataDirLock } from "@/lib/db/data-dir-lock";
import { freePort, startServer, type BenchServer } from "@/scripts/bench/server";

/**
 * PGlite is single-process: a second process opening the same data directory must be
 * refused with a message a person understands, without harming the first one's data.
 * Always runs on PGlite temp directories, whatever DATABASE_URL says.
 */
const CHILD = path.resolve("tests/support/open-data-dir.ts");
const LOCK_FILE = "rapport.lock";

type ChildResult = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end and hands back its exit code and what it printed. */
function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function openInAnotherProcess(dataDir: string, sql?: string): Promise<ChildResult> {
  return runToEnd("npx", ["tsx", CHILD, dataDir, ...(sql ? [sql] : [])], { ...process.env, DATABASE_URL: "" });
}

const rowsOf = (r: ChildResult) => (JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { rows: Record<string, unknown>[] }).rows;

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve(child.pid!));
  });
}

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-lock-"));
  tempDirs.push(dir);
  return path.join(dir, "pglite");
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database's data directory", () => {
  it("refuses a second process with a clear message while the first holds it, and keeps the first's data", async () => {
    const dataDir = tempDataDir();
    let first: OpenedDb | undefined = await openDatabase({ kind: "pglite", dataDir });
    try {
      await first.session((run) => run(`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO note VALUES (1, 'kept');`));
      expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")).toMatch(new RegExp(`^${process.pid}\n\\d{4}-\\d\\d-\\d\\dT`));

      const second = await openInAnotherProcess(dataDir, "SELECT count(*) AS n FROM note");
      expect(second.code, second.stderr).toBe(3);
      expect(second.stderr).toContain(
        `DataDirInUseError: The embedded database in ${dataDir} is already open in another Rapport process (pid ${process.pid}, running since 20`,
      );
      expect(second.stderr).toContain("set DATABASE_URL to a PostgreSQL server");
      expect(second.stdout).toBe("");

      // The first process is unaffected and still writes.
      await first.session((run) => run(`INSERT INTO note VALUES (2, 'after the refusal')`));
      expect(await first.session((run) => run(`SELECT body FROM note ORDER BY id`))).toEqual([{ body: "kept" }, { body: "after the refusal" }]);
      await first.close();
      first = undefined;
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

      // Once it has closed, another process opens the directory and finds everything.
      const later = await openInAnotherProcess(dataDir, "SELECT body FROM note ORDER BY id");
      expect(later.code, later.stderr).toBe(0);
      expect(rowsOf(later)).toEqual([{ body: "kept" }, { body: "after the refusal" }]);
    } finally {
      await first?.close();
    }
  }, 120_000);

  it("takes over a lock left behind by a process that died", async () => {
    const dataDir = tempDataDir();
    const seed = await openDatabase({ kind: "pglite", dataDir });
    await seed.session((run) => run(`CREATE TABLE note (body TEXT); INSERT INTO note VALUES ('before the crash')`));
    await seed.close();

    const pid = await deadPid();
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), String(pid));

    const next = await openInAnotherProcess(dataDir, "SELECT body FROM note");
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain("DataDirInUseError");
    expect(rowsOf(next)).toEqual([{ body: "before the crash" }]);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false); // released on close
  }, 120_000);

  it("is re-entrant within one process: the start-up hold and the lazy open share one lock", async () => {
    const dataDir = tempDataDir();
    const atStartup = acquireDataDirLock(dataDir);
    const opened = await openDatabase({ kind: "pglite", dataDir });
    await opened.close();
    // Closing the database leaves the start-up hold in place: another process is still refused.
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
    const second = await openInAnotherProcess(dataDir);
    expect(second.code, second.stderr).toBe(3);
    atStartup();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it("takes over a lock carrying its own pid that it does not hold (a restarted container)", async () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), `${process.pid}\n2026-01-01T00:00:00.000Z`);
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")).not.toContain("2026-01-01");
    release();
  });

  it("stops a server at start-up (instrumentation-node.ts) with one line naming the other process", () => {
    const dataDir = tempDataDir();
    const release = acquireDataDirLock(dataDir);
    try {
      const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "instrumentation-node.ts"], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "development", DATABASE_URL: `file:${dataDir}` },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1); // no stack trace
      expect(lines[0]).toMatch(new RegExp(`already open in another Rapport process \\(pid ${process.pid}, running since \\d{4}-`));
    } finally {
      release();
    }
  }, 60_000);
});

/** Two `next start` on one data directory: needs a production build (`npm run build`). */
const built = fs.existsSync(".next/BUILD_ID");
if (!built) console.warn("embedded-lock.test.ts: the two-server case is skipped: no production build (`npm run build`)");

describe.skipIf(!built)("two servers on one embedded data directory", () => {
  let first: BenchServer | undefined;
  afterAll(async () => first?.stop());

  it("the second `next start` exits 1 before listening, with one line naming the first", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-lock-next-"));
    tempDirs.push(dir);
    const env = { RAPPORT_DATA_DIR: dir, NEXTAUTH_URL: "http://127.0.0.1" };
    first = await startServer({ databaseUrl: "", logDir: dir, extraEnv: env });

    const port = await freePort();
    const second = await runToEnd(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      AUTH_SECRET: "s".repeat(44),
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    });
    expect(second.code, second.stdout + second.stderr).toBe(1);
    const lines = second.stderr.split("\n").filter(Boolean);
    expect(lines).toEqual([expect.stringContaining(`already open in another Rapport process (pid ${first.pid}, running since `)]);
    expect(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => "refused")).toBe("refused");
    // The first server is unaffected.
    expect((await fetch(`${first.origin}/api/health`)).status).toBe(200);
  }, 120_000);
});
