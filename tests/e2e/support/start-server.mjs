// The e2e web server (playwright.config.ts): a fresh embedded database in RAPPORT_DATA_DIR,
// wiped, migrated and seeded, then `next start` on port E2E_PORT (default 3100) in the foreground.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.RAPPORT_DATA_DIR || ".data-e2e");
if (!path.basename(dataDir).startsWith(".data-e2e")) {
  // Wiping is only safe for a directory that exists for these tests.
  console.error(`start-server: refusing to wipe ${dataDir}; set RAPPORT_DATA_DIR=.data-e2e`);
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
for (const script of ["db:migrate", "db:seed"]) {
  const r = spawnSync(npm, ["run", "--silent", script], { stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`start-server: npm run ${script} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

// The journeys' own fixtures (a pair with an earlier day of warm-up already behind it).
const fixtures = spawnSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/support/seed-fixtures.ts"], { stdio: "inherit", env: process.env });
if (fixtures.status !== 0) {
  console.error(`start-server: e2e fixtures failed (exit ${fixtures.status ?? fixtures.signal}).`);
  process.exit(1);
}

const server = spawn(npm, ["run", "--silent", "start:e2e"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
