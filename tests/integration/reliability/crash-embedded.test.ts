import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/create-client";

/**
 * The embedded database survives its process being killed mid-write (a crash, an OOM kill,
 * a pulled plug): a child process commits batches of rows in transactions; it is SIGKILLed
 * while writing; the directory is opened again (the dead process's lock is taken over) and
 * every committed batch is complete, no batch is half there, and queries work.
 * Always PGlite in a temp directory, whatever DATABASE_URL says.
 */
const WRITER = path.resolve("tests/support/pglite-writer.ts");
const BATCH = 10;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Starts the writer, waits for `commits` committed batches plus a random moment, SIGKILLs it. */
function runAndKill(dataDir: string, commits: number): Promise<{ lastCommitted: number; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // node itself (not npx), so the pid we kill is the writer's own.
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dataDir, String(BATCH)], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let lastCommitted = 0;
    let seen = 0;
    let stderr = "";
    let out = "";
    let armed = false;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line.trim());
        if (!m) continue;
        lastCommitted = Number(m[1]);
        seen++;
        if (seen >= commits && !armed) {
          armed = true;
          // Somewhere inside the next transaction, most likely.
          setTimeout(() => child.kill("SIGKILL"), Math.floor(Math.random() * 15));
        }
      }
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ lastCommitted, signal, stderr }));
    setTimeout(() => child.kill("SIGKILL"), 90_000).unref();
  });
}

describe("the embedded database after a SIGKILL mid-write", () => {
  it("keeps every committed batch whole, and nothing of the one cut off", { timeout: 180_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-crash-"));
    dirs.push(dataDir);
    let lastCommitted = 0;
    for (let round = 0; round < 3; round++) {
      const run = await runAndKill(dataDir, 8);
      expect(run.signal, run.stderr).toBe("SIGKILL");
      expect(run.lastCommitted).toBeGreaterThan(lastCommitted);
      lastCommitted = run.lastCommitted;
      expect(fs.existsSync(path.join(dataDir, "rapport.lock")), "the killed process left its lock behind").toBe(true);

      // Reopen in this process: the stale lock is taken over, recovery runs.
      const opened = await openDatabase({ kind: "pglite", dataDir });
      try {
        const batches = (await opened.session((run) =>
          run(`SELECT body, count(*)::int AS n FROM post GROUP BY body ORDER BY body`),
        )) as { body: string; n: number }[];
        const numbers = batches.map((b) => Number(b.body.replace("batch ", ""))).sort((a, b) => a - b);
        // Every batch present is whole…
        expect(batches.filter((b) => b.n !== BATCH)).toEqual([]);
        // …every committed one is there, at most one more (committed, killed before it said so)…
        expect(numbers.length).toBeGreaterThanOrEqual(lastCommitted);
        expect(numbers.length).toBeLessThanOrEqual(lastCommitted + 1);
        // …with no gaps.
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
        expect(await opened.db.post.count()).toBe(numbers.length * BATCH);
        // and it still takes writes
        const m = await opened.db.member.findUniqueOrThrow({ where: { handle: "crash_writer" } });
        await opened.db.post.create({ data: { authorId: m.id, body: "after the crash" } });
        await opened.db.post.deleteMany({ where: { body: "after the crash" } });
        lastCommitted = numbers.length;
      } finally {
        await opened.close();
      }
    }
  });
});
