import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, serverUrl, type TestDatabase } from "../../support/test-database";

const run = promisify(execFile);

/**
 * The benchmark's dataset (scripts/seed-large.ts) writes rows straight into the tables, so a
 * migration that adds a rule the seed does not know about breaks `npm run bench` and nothing
 * else (a NOT NULL or CHECK constraint: api_token's scopes did). This runs the seed at a small
 * size on a fresh, migrated PostgreSQL database and checks what the bench relies on. The seed
 * writes through PostgreSQL's unnest; on the embedded database it is not run here.
 */
describe.runIf(serverUrl())("the benchmark seed keeps up with the schema", () => {
  let t: TestDatabase;
  let url: string;
  let tokensOut: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const u = new URL(serverUrl()!);
    u.pathname = `/${t.name}`;
    url = u.toString();
    tokensOut = path.join(os.tmpdir(), `rapport-seed-test-${crypto.randomBytes(4).toString("hex")}.json`);
  });
  afterAll(async () => {
    await fs.rm(tokensOut, { force: true });
    await t?.dispose();
  });

  it("seeds a small network whose bench tokens can read and write", async () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const args = ["--conditions=react-server", "scripts/seed-large.ts", "--small", "--interactions", "10000", "--tokens-out", tokensOut];
    const env = { ...process.env, DATABASE_URL: url };
    await run(tsx, args, { env, timeout: 150_000, maxBuffer: 16 << 20 });

    const { tokens } = JSON.parse(await fs.readFile(tokensOut, "utf8")) as { tokens: Record<string, string> };
    expect(Object.keys(tokens)).toContain("heavy");
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const hash = crypto.createHash("sha256").update(tokens.heavy, "utf8").digest("hex");
      const { rows } = await c.query<{ scopes: string[]; expires_at: Date | null }>("SELECT scopes, expires_at FROM api_token WHERE token_hash = $1", [hash]);
      expect(rows).toHaveLength(1);
      expect(rows[0].scopes).toEqual(expect.arrayContaining(["read", "write:content", "write:requests"]));
      expect(rows[0].scopes).not.toContain("admin");
      const summaries = await c.query<{ n: string }>("SELECT count(*) AS n FROM relationship_summary");
      expect(Number(summaries.rows[0].n)).toBeGreaterThan(0);
      const unverified = await c.query<{ n: string }>("SELECT count(*) AS n FROM member WHERE email_verified_at IS NULL");
      expect(Number(unverified.rows[0].n)).toBe(0);
    } finally {
      await c.end();
    }
  }, 180_000);
});
