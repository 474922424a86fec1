// The e2e web server (playwright.config.ts): a fresh embedded database in RAPPORT_DATA_DIR,
// wiped, migrated and seeded, then `next start` on port E2E_PORT (default 3100) in the foreground,
// with a test SMTP server beside it (SMTP_URL): every message the app sends is kept as an .eml
// file in <RAPPORT_DATA_DIR>/smtp-inbox, where the journeys read them (tests/e2e/support/inbox.ts);
// a fake Bluesky AppView on E2E_PORT + 2000 (RAPPORT_BLUESKY_API), and a fake GitHub API on
// E2E_PORT + 2001 (RAPPORT_GITHUB_API).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import { SMTPServer } from "smtp-server";
import { createFakeBluesky } from "./fake-bluesky.mjs";
import { createFakeGitHub } from "./fake-github.mjs";

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

const inbox = path.join(dataDir, "smtp-inbox");
fs.mkdirSync(inbox, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const name = `${String(++received).padStart(5, "0")}.eml`;
      fs.writeFileSync(path.join(inbox, name), Buffer.concat(chunks));
      callback();
    });
  },
});
const smtpPort = Number(process.env.E2E_PORT || 3100) + 1000;
await new Promise((resolve, reject) => {
  smtp.once("error", reject);
  smtp.listen(smtpPort, "127.0.0.1", resolve);
});

// A fake Bluesky AppView (tests/e2e/support/fake-bluesky.mjs) on E2E_PORT + 2000: the app's
// RAPPORT_BLUESKY_API points at it, and the journeys add accounts and replies through /__fake/*.
const bluesky = createFakeBluesky();
const blueskyServer = http.createServer((req, res) => bluesky.handler(req, res));
const blueskyPort = Number(process.env.E2E_PORT || 3100) + 2000;
await new Promise((resolve, reject) => {
  blueskyServer.once("error", reject);
  blueskyServer.listen(blueskyPort, "127.0.0.1", resolve);
});

// A fake GitHub API (tests/e2e/support/fake-github.mjs) on E2E_PORT + 2001, likewise (RAPPORT_GITHUB_API).
const github = createFakeGitHub();
const githubServer = http.createServer((req, res) => github.handler(req, res));
const githubPort = Number(process.env.E2E_PORT || 3100) + 2001;
await new Promise((resolve, reject) => {
  githubServer.once("error", reject);
  githubServer.listen(githubPort, "127.0.0.1", resolve);
});

const server = spawn(npm, ["run", "--silent", "start:e2e"], {
  stdio: "inherit",
  env: {
    ...process.env,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    RAPPORT_BLUESKY_API: `http://127.0.0.1:${blueskyPort}`,
    RAPPORT_GITHUB_API: `http://127.0.0.1:${githubPort}`,
    // the journeys run without a token: nothing is ever sent to GitHub itself
    GITHUB_TOKEN: "",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  smtp.close();
  blueskyServer.close();
  githubServer.close();
  process.exit(code ?? (signal ? 1 : 0));
});
