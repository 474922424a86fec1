import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, signIn } from "./server";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rb-"));
const server = await startServer({ databaseUrl: process.argv[2], logDir: dir, nodeArgs: ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] });
try {
  const cookie = await signIn(server.origin, `heavy@seed.rapport.test`, "rapport-demo-2026");
  const p = process.argv[3] ?? "/";
  for (let i = 0; i < 5; i++) await (await fetch(server.origin + p, { headers: { cookie } })).text();
  const t = performance.now();
  for (let i = 0; i < 30; i++) await (await fetch(server.origin + p, { headers: { cookie } })).text();
  console.log("avg", ((performance.now() - t) / 30).toFixed(1), "ms");
} finally {
  await server.stop();
}
