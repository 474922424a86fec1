// `npm run bench`: the app under load at community scale, against a fresh PostgreSQL
// database holding the large seed. See scripts/bench/README.md for what is measured and how.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { GROWTH, PASSWORD, SEED_EMAIL_DOMAIN } from "./dataset/layout";
import { createDatabase, databaseUrl, describeDatabase, dropDatabase } from "./database";
import { check, measure, sequential, type MeasureOptions } from "./measure";
import { WRITE_PATHS, writeSequences } from "./writes";
import { RssSampler, run } from "./processes";
import { printReport, targets, withRatios, type PathResult } from "./report";
import { createToken, signIn, startServer } from "./server";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    small: { type: "boolean", default: false },
    members: { type: "string" },
    interactions: { type: "string" },
    requests: { type: "string" },
    "dataset-connections": { type: "string" },
    seed: { type: "string", default: "42" },
    pool: { type: "string" },
    "reuse-db": { type: "string" },
    "keep-db": { type: "boolean", default: false },
    // The fresh database's name (default rapport_bench_<timestamp>).
    "db-name": { type: "string" },
    // Profile the app's server: V8 CPU profiles (node --cpu-prof) written to this directory when it stops.
    "cpu-prof": { type: "string" },
    // Where the write paths' rotation starts: a second run on a kept database (--reuse-db)
    // passes another slice (e.g. 100000) so it does not meet the first run's comments,
    // reactions and logs.
    "write-offset": { type: "string", default: "0" },
    // The app's port (default: one the OS picks); the framework floor uses the next one.
    port: { type: "string" },
    // Warm senders (bench_s*) in the seed: each may send 20 requests a week, so several runs of
    // the send path on one kept database need more than --small's 40.
    senders: { type: "string" },
    // Seed a database migrated by an older commit (comparisons against a revision built in a
    // worktree, with this harness copied in): "before-summaries" leaves out what the schema
    // before relationship summaries lacks (see scripts/seed-large.ts --legacy-schema).
    "legacy-schema": { type: "string" },
    only: { type: "string" },
    // Every write sends a fresh Idempotency-Key (what a careful client does); the load
    // processes read it from RAPPORT_BENCH_IDEMPOTENCY_KEYS.
    "idempotency-keys": { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    // The V8 heap limit `npm start` sets (RAPPORT_HEAP_MB, default 384): measure the server as
    // shipped. 0: Node's default.
    "server-heap": { type: "string", default: process.env.RAPPORT_HEAP_MB ?? "384" },
    // After each saturating run, one at this fraction of the measured req/s (0: none). autocannon
    // releases each second's requests at once, so these latencies include that burst's queue.
    "reduced-load": { type: "string", default: "0" },
  },
  allowPositionals: false,
});
const duration = Number(flags.duration);
if (flags["idempotency-keys"]) process.env.RAPPORT_BENCH_IDEMPOTENCY_KEYS = "1";
const connections = Number(flags.connections);
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-"));
const log = (msg: string) => console.error(`[bench] ${msg}`);
const email = (handle: string) => `${handle}@${SEED_EMAIL_DOMAIN}`;
const measureOptions: MeasureOptions = {
  duration,
  connections,
  warmup: Number(flags.warmup),
  reducedLoad: Number(flags["reduced-load"]),
  workDir,
  log,
};
/** Sequential requests to every measured page before the first is measured (see below). */
const PAGE_WARMUP_ROUNDS = 100;
const wanted = (name: string) => !flags.only || flags.only.split(",").some((o) => name.includes(o));

/** A minimal Next.js app of the same version, outside the app's layout (see its README.md). */
const FRAMEWORK_FLOOR = "scripts/bench/framework-floor";

/** Measures the production build: runs `npm run build` when there is none, or when --build says so. */
function ensureBuild(): void {
  if (flags.build || !fs.existsSync(".next/BUILD_ID")) {
    // Two builds writing .next at once corrupt each other.
    if (execSync("pgrep -f 'next[ ]build' || true").toString().trim()) throw new Error("Another `next build` is running; wait for it, then run the bench again.");
    log("running npm run build");
    execSync("npm run build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  if (wanted("framework floor") && (flags.build || !fs.existsSync(path.join(FRAMEWORK_FLOOR, ".next/BUILD_ID")))) {
    log(`building the framework floor (${FRAMEWORK_FLOOR})`);
    execSync(`node node_modules/next/dist/bin/next build ${FRAMEWORK_FLOOR}`, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const routes = JSON.stringify(JSON.parse(fs.readFileSync(".next/app-path-routes-manifest.json", "utf8")));
  if (!routes.includes("/api/health")) throw new Error("The build predates app/api/health/route.ts: run `npm run build` first.");
}

async function seed(url: string, tokensFile: string): Promise<Record<string, unknown>> {
  const args = ["--conditions=react-server", "scripts/seed-large.ts", "--seed", flags.seed!, "--tokens-out", tokensFile];
  if (flags.small) args.push("--small");
  for (const k of ["members", "interactions", "requests", "senders", "legacy-schema"] as const) if (flags[k]) args.push(`--${k}`, flags[k]!);
  // --connections is the load's concurrency here; the dataset's connection count is --dataset-connections.
  if (flags["dataset-connections"]) args.push("--connections", flags["dataset-connections"]);
  let sampler: RssSampler | undefined;
  const started = Date.now();
  const out = await run(path.resolve("node_modules/.bin/tsx"), args, {
    // V8 grows its heap lazily to ~470 MiB when allowed; the seed streams, so 192 MiB is plenty.
    env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=192`.trim() },
    onSpawn: (child) => (sampler = new RssSampler(child.pid!)),
  });
  const rss = sampler!.stop();
  const line = out.split("\n").find((l) => l.startsWith("SEED_SUMMARY "));
  const summary = line ? (JSON.parse(line.slice("SEED_SUMMARY ".length)) as Record<string, unknown>) : {};
  return { ...summary, wallSeconds: Math.round((Date.now() - started) / 100) / 10, sampledPeakRssMiB: rss.peakTreeMiB };
}

async function main() {
  ensureBuild();
  const loadBefore = os.loadavg();
  if (loadBefore[0] > os.cpus().length * 0.5) log(`warning: the machine is busy (load ${loadBefore[0].toFixed(2)}); figures will be low and noisy`);
  const dbName = flags["reuse-db"] ?? flags["db-name"] ?? `rapport_bench_${stamp.replace("-", "_")}`;
  const tokensFile = path.join(os.tmpdir(), `rapport-bench-${dbName}-tokens.json`);
  let url = databaseUrl(dbName);
  let seedSummary: Record<string, unknown> = { reused: true };
  if (!flags["reuse-db"]) {
    log(`creating ${dbName}`);
    url = await createDatabase(dbName);
    seedSummary = await seed(url, tokensFile);
  }
  const tokens = (JSON.parse(fs.readFileSync(tokensFile, "utf8")) as { tokens: Record<string, string> }).tokens;
  const dataset = await describeDatabase(url);

  const port = flags.port ? Number(flags.port) : undefined;
  const server = await startServer({
    databaseUrl: url,
    port,
    logDir: workDir,
    poolSize: flags.pool ? Number(flags.pool) : undefined,
    nodeArgs: [
      ...(flags["server-heap"] !== "0" ? [`--max-old-space-size=${flags["server-heap"]}`] : []),
      ...(flags["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(flags["cpu-prof"])}`] : []),
    ],
  });
  log(`server on ${server.origin} (pid ${server.pid}, log ${server.logFile})`);
  const results: PathResult[] = [];
  const growth: PathResult[] = [];
  try {
    const cookies: Record<string, string> = {};
    for (const h of ["heavy", ...GROWTH.map(([g]) => g)]) cookies[h] = await signIn(server.origin, email(h), PASSWORD);
    const heavyToken = (await createToken(server.origin, email("heavy"), PASSWORD)) ?? tokens.heavy;
    const asHeavy = { cookie: cookies.heavy };
    const bearer = { authorization: `Bearer ${heavyToken}` };

    const paths: { name: string; path: string; headers: Record<string, string>; expect: (b: string) => boolean }[] = [
      { name: "ceiling (/api/health)", path: "/api/health", headers: {}, expect: (b) => b.includes('"ok":true') },
      // Not a target: the cost of rendering a page at all (layout, header, CSP proxy), no data.
      { name: "page floor (/ signed out)", path: "/", headers: {}, expect: (b) => b.includes("Warm up before you connect") },
      { name: "dashboard (heavy)", path: "/", headers: asHeavy, expect: (b) => b.includes("Welcome") },
      { name: "relationships (heavy)", path: "/relationships", headers: asHeavy, expect: (b) => b.includes("Relationships") },
      { name: "profile (heavy → peer)", path: "/u/peer", headers: asHeavy, expect: (b) => b.includes("@peer") },
      { name: "warmup API", path: "/api/v1/members/peer/warmup", headers: bearer, expect: (b) => b.includes('"status"') },
      // Member search (issue 14): a surname ~1 in 24 members carry, a typo in a first name, a topic.
      { name: "search: common name", path: "/api/v1/members?q=kim", headers: bearer, expect: (b) => b.includes('"items"') },
      { name: "search: typo", path: "/api/v1/members?q=grase", headers: bearer, expect: (b) => b.includes('"items"') },
      { name: "search: topic", path: "/api/v1/members?topic=postgres", headers: bearer, expect: (b) => b.includes('"items"') },
      { name: "suggestions (heavy)", path: "/api/v1/members/suggestions", headers: bearer, expect: (b) => b.includes('"items"') },
    ];
    // Warm the page code before the first page is measured: otherwise whichever page comes first
    // (the heavy dashboard under `--only dashboard`) pays for compiling it, and its CPU per
    // request reads ~30% high against the same page measured later in the run.
    const pages = [
      ...paths.filter((p) => !p.path.startsWith("/api/") && wanted(p.name)).map((p) => ({ path: p.path, headers: p.headers })),
      ...GROWTH.filter(([g]) => wanted("growth") || wanted(`dashboard (${g})`)).map(([g]) => ({ path: "/", headers: { cookie: cookies[g] } })),
    ];
    for (let round = 0; round < PAGE_WARMUP_ROUNDS; round++) {
      for (const p of pages) await (await fetch(`${server.origin}${p.path}`, { headers: p.headers })).arrayBuffer();
    }
    if (pages.length) log(`warmed ${pages.length} page path(s), ${PAGE_WARMUP_ROUNDS} requests each`);

    for (const p of paths) {
      // The ceiling is every ratio's denominator: always measured, whatever --only says.
      if (!wanted(p.name) && !p.name.startsWith("ceiling")) continue;
      const problem = await check(server, p.path, p.headers, p.expect);
      if (problem) {
        results.push({ name: p.name, path: p.path, skipped: problem } as PathResult);
        log(`${p.name}: skipped, ${problem}`);
        continue;
      }
      const r = await measure(measureOptions, server, dbName, { name: p.name, method: "GET", path: p.path, headers: p.headers });
      results.push({ ...r, ...(await sequential(server, p.path, p.headers)) });
    }

    if (wanted("framework floor")) {
      // The same framework with nothing of Rapport's (no proxy, layout, header, CSS, session):
      // a second `next start`, measured alone while the app's server idles.
      const floor = await startServer({ databaseUrl: url, port: port && port + 1, logDir: workDir, dir: FRAMEWORK_FLOOR, nodeArgs: flags["server-heap"] !== "0" ? [`--max-old-space-size=${flags["server-heap"]}`] : [] });
      try {
        const p = { name: "framework floor (bare Next.js page)", path: "/", headers: {} };
        const problem = await check(floor, p.path, p.headers, (b) => b.includes("Warm up before you connect"));
        if (problem) results.push({ name: p.name, path: p.path, skipped: problem } as PathResult);
        else results.push({ ...(await measure(measureOptions, floor, dbName, { ...p, method: "GET" })), ...(await sequential(floor, p.path, p.headers)) });
      } finally {
        await floor.stop();
        floor.rss.stop();
      }
    }

    if (wanted("send request")) {
      const senders = Object.keys(tokens).filter((h) => h.startsWith("bench_s")).map((h) => tokens[h]);
      const sinks = Array.from({ length: 25 }, (_, k) => `bench_r${k}`);
      const probe = await fetch(`${server.origin}/api/v1/connection-requests`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      if (probe.status === 404) results.push({ name: "send request", path: "/api/v1/connection-requests", skipped: "not in this build (404)" } as PathResult);
      else results.push(await measure(measureOptions, server, dbName, { name: "send request", method: "POST", path: "/api/v1/connection-requests", headers: {}, send: { tokens: senders, sinks, offset: Number(flags["write-offset"]) } }));
    }

    const senderTokens = Object.keys(tokens).filter((h) => h.startsWith("bench_s")).sort();
    const wantedWrites = WRITE_PATHS.filter((w) => wanted(w) || wanted("writes"));
    if (wantedWrites.length) {
      // Enough calls for the warm-up, the measured run and (when asked for) a reduced-load run at ~150 req/s.
      const size = Math.ceil(150 * (Number(flags.warmup) + (Number(flags["reduced-load"]) > 0 ? 2 : 1) * duration));
      const sequences = await writeSequences({
        origin: server.origin,
        url,
        senders: senderTokens.map((handle) => ({ handle, token: tokens[handle] })),
        sinks: Array.from({ length: 25 }, (_, k) => `bench_r${k}`),
        size,
        offset: Number(flags["write-offset"]),
        log,
      });
      for (const name of wantedWrites) {
        const seq = sequences[name];
        if (typeof seq === "string") {
          results.push({ name, path: "", skipped: seq } as PathResult);
          log(`${name}: skipped, ${seq}`);
          continue;
        }
        results.push(await measure(measureOptions, server, dbName, { name, method: seq[0].method, path: seq[0].path, headers: {}, sequence: seq }));
      }
    }

    for (const [handle, related] of GROWTH) {
      if (!wanted("growth") && !wanted(`dashboard (${handle})`)) continue;
      const headers = { cookie: cookies[handle] };
      const r = await measure(measureOptions, server, dbName, { name: `dashboard (${handle})`, method: "GET", path: "/", headers }, { related });
      growth.push({ ...r, ...(await sequential(server, "/", headers)) });
    }
  } finally {
    await server.stop();
  }
  const rss = server.rss.stop();
  const ceiling = results.find((r) => r.name.startsWith("ceiling") && !r.skipped);
  const paths = ceiling ? withRatios(results, ceiling) : results;
  const grown = ceiling ? withRatios(growth, ceiling) : growth;
  const checks = targets(paths, grown, Math.max(rss.peakTreeMiB, rss.peakProcessMiB));
  const loadAfter = os.loadavg();
  const seedLine = seedSummary.reused
    ? `Seed: reused database ${dbName}`
    : `Seed: ${seedSummary.wallSeconds} s wall (${seedSummary.seconds} s loading), peak RSS ${seedSummary.peakRssMiB} MiB (sampled ${seedSummary.sampledPeakRssMiB} MiB)`;
  const text = printReport(paths, grown, checks, [
    `Server peak RSS: ${rss.peakTreeMiB} MiB (process tree, sampled every 250 ms); largest single-process VmHWM ${rss.peakProcessMiB} MiB`,
    seedLine,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" ")} after; ${connections} connections, ${duration} s per path`,
  ]);
  fs.mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `${stamp}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), config: { duration, connections, warmup: Number(flags.warmup), small: flags.small, pool: flags.pool ?? "default (10)", serverHeapMiB: flags["server-heap"] === "0" ? "default" : flags["server-heap"] }, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryMiB: Math.round(os.totalmem() / 2 ** 20), node: process.version, loadBefore, loadAfter }, dataset, seed: seedSummary, server: rss, paths, growth: grown, targets: checks, text }, null, 2),
  );
  log(`results written to ${file}`);
  if (!flags["keep-db"] && !flags["reuse-db"]) {
    await dropDatabase(dbName);
    fs.rmSync(tokensFile, { force: true });
  } else log(`kept database ${dbName} (${url}); tokens in ${tokensFile}`);
}

main().catch((e) => {
  console.error(`bench failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
