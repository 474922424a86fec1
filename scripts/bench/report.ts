import type { LoadResult } from "./stats";

export type PathResult = LoadResult & {
  path: string;
  /** SQL statements per request during the measured run (BEGIN/COMMIT counted apart) */
  statements: number | null;
  transactionControl: number | null;
  /** CPU per request sent: the next-server process tree, and the PostgreSQL backends of the bench database */
  serverCpuMs?: number;
  dbCpuMs?: number;
  /** median latency of one request at a time (no queueing): the work itself */
  unloadedMs?: number;
  /** a second run at a fixed rate (a fraction of the measured capacity): latency when not saturated */
  reduced?: { rate: number; rps: number; p50: number; p95: number; p99: number };
  rpsRatio?: number;
  p99Ratio?: number;
  related?: number;
  skipped?: string;
};

export type Target = { name: string; wanted: string; got: string; met: boolean };

const r2 = (n: number) => Math.round(n * 100) / 100;
const countBy = (status: Record<string, number>, from: number, to: number) =>
  Object.entries(status).reduce((s, [k, v]) => (Number(k) >= from && Number(k) < to ? s + v : s), 0);

/** Ratios to the ceiling (the trivial route measured in the same run). */
export function withRatios(results: PathResult[], ceiling: PathResult): PathResult[] {
  return results.map((r) =>
    r.skipped ? r : { ...r, rpsRatio: r2(r.rps / ceiling.rps), p99Ratio: r2(r.latency.p99 / Math.max(ceiling.latency.p99, 0.01)) },
  );
}

export function targets(paths: PathResult[], growth: PathResult[], serverPeakMiB: number): Target[] {
  const by = (name: string) => paths.find((p) => p.name === name && !p.skipped);
  const out: Target[] = [];
  const dash = by("dashboard (heavy)");
  if (dash) out.push({ name: "dashboard rps vs ceiling", wanted: "≥ 0.5", got: String(dash.rpsRatio), met: (dash.rpsRatio ?? 0) >= 0.5 });
  const floor = by("page floor (/ signed out)");
  if (dash && floor) out.push({ name: "dashboard (heavy) rps vs page floor", wanted: "≥ 0.5", got: String(r2(dash.rps / Math.max(floor.rps, 0.01))), met: dash.rps / Math.max(floor.rps, 0.01) >= 0.5 });
  const framework = by("framework floor (bare Next.js page)");
  if (framework && floor) {
    const ratio = floor.rps / Math.max(framework.rps, 0.01);
    out.push({ name: "page floor rps vs framework floor", wanted: "≥ 0.8", got: String(r2(ratio)), met: ratio >= 0.8 });
  }
  const rel10 = growth.find((g) => g.name === "dashboard (rel10)" && !g.skipped);
  if (dash && rel10) {
    const ratio = (dash.serverCpuMs ?? 0) / Math.max(rel10.serverCpuMs ?? 0, 0.01);
    out.push({ name: "dashboard app CPU heavy / rel10", wanted: "≤ 1.2", got: String(r2(ratio)), met: ratio <= 1.2 });
  }
  const rel = by("relationships (heavy)");
  if (rel) out.push({ name: "/relationships (heavy) p50 alone", wanted: "≤ 30 ms", got: `${rel.unloadedMs} ms`, met: (rel.unloadedMs ?? Infinity) <= 30 });
  for (const p of paths.filter((x) => x.name.startsWith("search:") && !x.skipped)) {
    out.push({ name: `${p.name} p50 alone`, wanted: "≤ 20 ms", got: `${p.unloadedMs} ms`, met: (p.unloadedMs ?? Infinity) <= 20 });
  }
  const api = by("warmup API");
  if (api) out.push({ name: "warmup API rps vs ceiling", wanted: "≥ 0.6", got: String(api.rpsRatio), met: (api.rpsRatio ?? 0) >= 0.6 });
  for (const p of [...paths, ...growth]) {
    if (p.skipped || p.name.startsWith("ceiling") || p.name.startsWith("page floor") || p.name.startsWith("framework floor")) continue;
    out.push({ name: `p99 ${p.name} vs ceiling`, wanted: "≤ 4×", got: `${p.p99Ratio}×`, met: (p.p99Ratio ?? Infinity) <= 4 });
  }
  const g = growth.filter((x) => !x.skipped);
  if (g.length >= 2) {
    const [small, large] = [g[0], g[g.length - 1]];
    const sizeRatio = (large.related ?? 1) / (small.related ?? 1);
    // CPU per request is the cost itself; p50 under saturation is only throughput seen from the other side.
    const cpu = (x: PathResult) => (x.serverCpuMs ?? 0) + (x.dbCpuMs ?? 0);
    const cpuRatio = cpu(large) / Math.max(cpu(small), 0.01);
    out.push({ name: `dashboard CPU per request ${large.name} / ${small.name}`, wanted: `≤ ${sizeRatio} (linear)`, got: String(r2(cpuRatio)), met: cpuRatio <= sizeRatio });
    const costRatio = large.latency.p50 / Math.max(small.latency.p50, 0.01);
    out.push({ name: `dashboard p50 ${large.name} / ${small.name}`, wanted: `≤ ${sizeRatio} (linear)`, got: String(r2(costRatio)), met: costRatio <= sizeRatio });
    const counts = g.map((x) => x.statements);
    out.push({ name: "dashboard statements per request across sizes", wanted: "flat", got: counts.join(" / "), met: new Set(counts).size === 1 });
  }
  out.push({ name: "server peak RSS", wanted: "< 512 MiB", got: `${serverPeakMiB} MiB`, met: serverPeakMiB < 512 });
  return out;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(widths[i])).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function printReport(paths: PathResult[], growth: PathResult[], checks: Target[], extra: string[]): string {
  const row = (p: PathResult) =>
    p.skipped
      ? [p.name, "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", `skipped: ${p.skipped}`]
      : [
          p.name, p.unloadedMs ?? "—", p.rps, p.rpsRatio ?? "", p.latency.p50, p.latency.p95, p.latency.p99, p.p99Ratio ?? "",
          p.statements ?? "?", p.serverCpuMs ?? "", p.dbCpuMs ?? "", `${countBy(p.status, 200, 300)}/${countBy(p.status, 400, 500)}/${countBy(p.status, 500, 600) + p.errors + p.timeouts}`,
          Object.entries(p.codes).map(([k, v]) => `${k}:${v}`).join(" "),
        ];
  const reduced = [...paths, ...growth].filter((p) => p.reduced);
  const headers = ["path", "alone ms", "req/s", "×ceil", "p50 ms", "p95 ms", "p99 ms", "p99×ceil", "SQL/req", "app CPU ms", "DB CPU ms", "2xx/4xx/err", "refusals"];
  const out = [
    table(headers, paths.map(row)),
    "",
    "Dashboard cost by network size:",
    table(
      ["member", "related", "alone ms", "req/s", "p50 ms", "p99 ms", "SQL/req", "app CPU ms", "DB CPU ms"],
      growth.map((g) =>
        g.skipped
          ? [g.name, g.related ?? "", "—", "—", "—", "—", g.skipped, "", ""]
          : [g.name, g.related ?? "", g.unloadedMs ?? "—", g.rps, g.latency.p50, g.latency.p99, g.statements ?? "?", g.serverCpuMs ?? "", g.dbCpuMs ?? ""],
      ),
    ),
    "",
    ...(reduced.length
      ? [
          "Below capacity (a fixed rate, a fraction of each path's measured req/s; autocannon sends each second's requests at once):",
          table(["path", "rate req/s", "p50 ms", "p95 ms", "p99 ms"], reduced.map((p) => [p.name, p.reduced!.rate, p.reduced!.p50, p.reduced!.p95, p.reduced!.p99])),
          "",
        ]
      : []),
    ...extra,
    "",
    "Targets:",
    ...checks.map((t) => `  ${t.met ? "met  " : "MISSED"}  ${t.name}: wanted ${t.wanted}, got ${t.got}`),
  ].join("\n");
  console.log(out);
  return out;
}
