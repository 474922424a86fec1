// Generates the Prisma client into lib/generated/prisma; run by `npm install` / `npm ci`
// (postinstall). `prisma generate` first tries to download the native schema engine, which
// generation does not need (it is WebAssembly) and which fails offline: pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing executable skips the download.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  // e.g. `npm ci --omit=dev`: the CLI is a dev dependency; the client must then be generated at build time.
  console.warn("prisma-generate: the prisma CLI is not installed; skipping client generation.");
  process.exit(0);
}

const placeholder = ["/bin/true", "/usr/bin/true"].find((p) => fs.existsSync(p)) ?? process.execPath;
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || placeholder,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
