import fs from "node:fs";
import path from "node:path";
import { cpuMs, postgresBackends, processTree, run } from "./processes";
import type { PathResult } from "./report";
import { queryCount, type BenchServer } from "./server";
import type { LoadResult, LoadSpec } from "./stats";

export type MeasureOptions = {
  duration: number;
  connections: number;
  /** seconds of load before the measured run */
  warmup: number;
  /** after the saturating run, one at this fraction of its req/s (0: none) */
  reducedLoad: number;
  workDir: string;
  log: (msg: string) => void;
};

/** One run of the load-generator process (scripts/bench/load.ts) against the server. */
async function load(workDir: string, spec: LoadSpec): Promise<LoadResult> {
  const file = path.join(workDir, `${spec.name.replace(/\W+/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(spec));
  return JSON.parse(await run(path.resolve("node_modules/.bin/tsx"), ["scripts/bench/load.ts", file])) as LoadResult;
}

/** Waits until the server stops using CPU: requests cut off at the end of a run still finish. */
async function drain(server: BenchServer): Promise<void> {
  let previous = cpuMs(processTree(server.pid));
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = cpuMs(processTree(server.pid));
    if (now - previous <= 20) return;
    previous = now;
  }
}

const cpuByPid = (pids: number[]) => new Map(pids.map((p) => [p, cpuMs([p])]));

/**
 * A warm-up run, then the measured run, with what it cost: server CPU (the next-server
 * process tree), database CPU (the PostgreSQL backends serving this database) and SQL
 * statements, each divided by the requests *sent* (those in flight at the end are still
 * served, and counted).
 */
export async function measure(
  o: MeasureOptions,
  server: BenchServer,
  dbName: string,
  spec: Omit<LoadSpec, "origin" | "duration" | "connections">,
  extra: Partial<PathResult> = {},
): Promise<PathResult> {
  const { duration } = o;
  const base = { ...spec, origin: server.origin, connections: o.connections };
  let startAt = 0;
  if (o.warmup > 0) {
    startAt = (await load(o.workDir, { ...base, name: `${spec.name} (warm-up)`, duration: o.warmup })).sent;
    await drain(server);
  }
  const [cpu0, db0, q0] = [cpuMs(processTree(server.pid)), cpuByPid(postgresBackends(dbName)), await queryCount(server.origin)];
  const result = await load(o.workDir, { ...base, duration, startAt });
  await drain(server);
  const [cpu1, db1, q1] = [cpuMs(processTree(server.pid)), cpuByPid(postgresBackends(dbName)), await queryCount(server.origin)];
  let dbCpu = 0;
  for (const [pid, ms] of db1) dbCpu += ms - (db0.get(pid) ?? 0);
  const per = (x: number) => Math.round((x / Math.max(result.sent, 1)) * 10) / 10;
  const out: PathResult = {
    ...result,
    path: spec.path,
    statements: per(q1.queries - q0.queries),
    transactionControl: per(q1.control - q0.control),
    serverCpuMs: per(cpu1 - cpu0),
    dbCpuMs: per(dbCpu),
    ...extra,
  };
  o.log(`${spec.name}: ${result.rps} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; per request ${out.serverCpuMs} ms app CPU, ${out.dbCpuMs} ms DB CPU, ${out.statements} SQL`);
  if (o.reducedLoad > 0) {
    // Saturated, latency is just concurrency ÷ throughput; below capacity it shows the work itself.
    const rate = Math.max(1, Math.round(result.rps * o.reducedLoad));
    const r = await load(o.workDir, { ...base, name: `${spec.name} (at ${rate} req/s)`, duration, startAt: startAt + result.sent, rate });
    await drain(server);
    out.reduced = { rate, rps: r.rps, p50: r.latency.p50, p95: r.latency.p95, p99: r.latency.p99 };
    o.log(`${spec.name} at ${rate} req/s: p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, p99 ${r.latency.p99} ms`);
  }
  return out;
}

/**
 * One request at a time, nothing else running: the exact SQL statements per request, and
 * the latency of the work itself (no queueing behind other requests).
 */
export async function sequential(server: BenchServer, p: string, headers: Record<string, string>, n = 10): Promise<{ statements: number; unloadedMs: number }> {
  await (await fetch(`${server.origin}${p}`, { headers })).arrayBuffer();
  const before = await queryCount(server.origin);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await (await fetch(`${server.origin}${p}`, { headers })).arrayBuffer();
    times.push(performance.now() - t);
  }
  const after = await queryCount(server.origin);
  times.sort((a, b) => a - b);
  return { statements: (after.queries - before.queries) / n, unloadedMs: Math.round(times[Math.floor(n / 2)] * 10) / 10 };
}

export async function check(server: BenchServer, p: string, headers: Record<string, string>, expect: (body: string) => boolean): Promise<string | null> {
  const res = await fetch(`${server.origin}${p}`, { headers, redirect: "manual" });
  const body = await res.text();
  if (res.status === 404) return "not in this build (404)";
  if (res.status !== 200 || !expect(body)) return `unexpected answer (HTTP ${res.status})`;
  return null;
}
