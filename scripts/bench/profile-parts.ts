/**
 * Where a server's CPU went, from V8 CPU profiles (`npm run bench -- --cpu-prof DIR`):
 *
 *   npx tsx scripts/bench/profile-parts.ts DIR-or-FILE… [--top 25] [--per N] [--timeline] [--window FROM,TO]
 *
 * Prints, over every profile given (a directory: each *.cpuprofile in it):
 * - the parts: each sample goes to the part of the innermost frame on its stack that a rule
 *   below names (the proxy, next-auth's session, Prisma and pg, React's server renderer, the
 *   RSC payload, Next's request handling, Node's streams and sockets, GC…), else "other";
 * - the functions with the most time of their own, and those with the most time under them
 *   (inclusive), with the file they are in.
 * `--per N` divides every figure by N (the requests served while profiling) to give ms per request.
 * A bench run profiles the whole server, every path it drove: `--timeline` prints the busy
 * milliseconds of each second since the profile began (paths show as plateaus), and
 * `--window FROM,TO` (seconds) keeps only the samples of one path's measured seconds.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Innermost match wins: a frame of pg inside a React render counts as the database driver. */
const PARTS: [part: string, test: (f: CallFrame) => boolean][] = [
  ["garbage collection", (f) => f.functionName === "(garbage collector)"],
  ["idle", (f) => f.functionName === "(idle)" || f.functionName === "(program)"],
  ["database driver (Prisma, pg)", (f) => /node_modules\/(\.prisma|@prisma|pg|pg-protocol|pg-pool)\/|generated\/prisma|prisma_client|query_compiler/i.test(f.url)],
  ["session (next-auth, jose)", (f) => /next-auth|jose|openid-client|oauth4webapi/.test(f.url)],
  ["proxy (proxy.ts: CSP nonce, headers)", (f) => /middleware|proxy/.test(f.url) && !/node_modules\/next\//.test(f.url)],
  ["Next.js proxy runtime", (f) => /next\/dist\/.*(web\/adapter|web\/sandbox|middleware|next-request|next-response|web\/spec-extension)/.test(f.url)],
  ["RSC payload (react-server-dom)", (f) => /react-server-dom|flight/i.test(f.url)],
  ["React server render (react-dom/server)", (f) => /react-dom.*server|react-dom-server|react-dom\/cjs\/react-dom-server/.test(f.url)],
  ["Next.js app render", (f) => /next\/dist\/.*(app-render|server\/route-modules|stream-utils|render-result)/.test(f.url)],
  ["Next.js server (routing, request, response)", (f) => /next\/dist\//.test(f.url)],
  ["app code (.next chunks)", (f) => /\.next\/server\//.test(f.url)],
  ["Node streams, sockets, http", (f) => /^node:(internal\/)?(stream|streams|net|http|_http|internal\/http|internal\/streams|internal\/webstreams|zlib|buffer)/.test(f.url) || /node:internal\/(streams|webstreams|http|net)/.test(f.url) || f.functionName === "writev" || f.functionName === "writeUtf8String"],
  ["Node (other)", (f) => f.url.startsWith("node:")],
];

function load(file: string): Profile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
}

function files(args: string[]): string[] {
  return args.flatMap((a) =>
    fs.statSync(a).isDirectory()
      ? fs.readdirSync(a).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(a, f))
      : [a],
  );
}

const short = (url: string) => url.replace(/^file:\/\//, "").replace(/.*node_modules\//, "~/").replace(/.*\/\.next\//, ".next/");

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string" }, per: { type: "string" }, timeline: { type: "boolean" }, window: { type: "string" } } });
  const top = Number(values.top ?? 25);
  const per = Number(values.per ?? 1);
  const byPart = new Map<string, number>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  const [from, to] = values.window ? values.window.split(",").map(Number) : [-Infinity, Infinity];
  const timeline = new Map<number, number>();
  for (const file of files(positionals)) {
    const p = load(file);
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const partOf = new Map<number, string>();
    const resolve = (id: number): string => {
      const known = partOf.get(id);
      if (known) return known;
      const n = byId.get(id)!;
      const rule = PARTS.find(([, test]) => test(n.callFrame));
      const up = parent.get(id);
      const part = rule ? rule[0] : up !== undefined ? resolve(up) : "other";
      partOf.set(id, part);
      return part;
    };
    // Innermost rule on the stack: walk up only while no rule matches (resolve does it, memoised).
    const key = (f: CallFrame) => `${f.functionName || "(anonymous)"}  ${short(f.url)}:${f.lineNumber + 1}`;
    let at = 0;
    for (let i = 0; i < p.samples.length; i++) {
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      at += ms;
      const id = p.samples[i];
      const second = Math.floor(at / 1000);
      const idle = /^\((idle|program)\)$/.test(byId.get(id)!.callFrame.functionName);
      if (!idle) timeline.set(second, (timeline.get(second) ?? 0) + ms);
      if (at / 1000 < from || at / 1000 >= to) continue;
      total += ms;
      const part = resolve(id);
      byPart.set(part, (byPart.get(part) ?? 0) + ms);
      const f = byId.get(id)!.callFrame;
      self.set(key(f), (self.get(key(f)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
        const k = key(byId.get(up)!.callFrame);
        if (seen.has(k)) continue; // recursion counts once
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    }
  }
  if (values.timeline) {
    console.log("busy ms in each second since the profile began");
    for (const [sec, ms] of [...timeline].sort((a, b) => a[0] - b[0])) console.log(`${String(sec).padStart(5)}s ${String(Math.round(ms)).padStart(5)} ${"#".repeat(Math.round(ms / 25))}`);
    console.log();
  }
  const busy = total - (byPart.get("idle") ?? 0);
  const fmt = (ms: number) => (ms / per).toFixed(per === 1 ? 0 : 3).padStart(9);
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
  console.log(`sampled ${fmt(total)} ms, busy (not idle) ${fmt(busy)} ms${per === 1 ? "" : " per request"}\n`);
  console.log("part (innermost named frame on the stack)");
  for (const [part, ms] of [...byPart].filter(([k]) => k !== "idle").sort((a, b) => b[1] - a[1])) console.log(`${fmt(ms)} ${pct(ms)}  ${part}`);
  console.log(`\ntop ${top} by self time`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${fmt(ms)} ${pct(ms)}  ${k}`);
  console.log(`\ntop ${top} by inclusive time`);
  for (const [k, ms] of [...inclusive].filter(([k]) => !k.startsWith("(root)") && !k.startsWith("(program)") && !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${fmt(ms)} ${pct(ms)}  ${k}`);
}

main();
