// Throughput of the warm-up rules engine on one thread: evaluations per second for
// histories of 10, 50, 100 and 1,000 interactions. Run: npx tsx scripts/bench-engine.ts
import { evaluate } from "../lib/warmup/evaluate";
import { resolvePolicy } from "../lib/warmup/policy";
import type { EngineInteraction, EvaluateInput, InteractionKind, Verification } from "../lib/warmup/types";
import { DEFAULT_WEIGHTS } from "../lib/warmup/weights";
import { DAY } from "../lib/warmup/time";

const SIZES = [10, 50, 100, 1000];
const RUNS = 5;
const RUN_MS = 1000;
const NOW = Date.UTC(2026, 5, 1, 12);

const KINDS: InteractionKind[] = ["reaction", "comment", "mention", "kudos", "share", "logged_reply", "logged_met"];
const VERIFS: Verification[] = ["verified", "verified", "verified", "confirmed", "pending", "disputed"];

// Deterministic pseudo-random numbers, so every run measures the same histories.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function history(size: number, seed: number): EngineInteraction[] {
  const r = rng(seed);
  const list: EngineInteraction[] = [];
  for (let i = 0; i < size; i++) {
    const out = r() < 0.7;
    const kind = KINDS[Math.floor(r() * KINDS.length)];
    list.push({
      id: `i${seed}-${i}`,
      actorId: out ? "req" : "rec",
      targetId: out ? "rec" : "req",
      kind,
      source: kind.startsWith("logged") ? "logged" : "observed",
      weight: DEFAULT_WEIGHTS[kind],
      // spread over ~200 days so some fall outside the 180-day window
      occurredAt: new Date(NOW - Math.floor(r() * 200 * DAY)),
      verification: kind.startsWith("logged") ? VERIFS[Math.floor(r() * VERIFS.length)] : "verified",
    });
  }
  return list; // random order: the engine sorts
}

/** 16 different histories per size, in random order or newest first (as a query would load them). */
function inputs(size: number, order: "random" | "newest-first"): EvaluateInput[] {
  const policy = resolvePolicy({ preset: "strict" });
  return Array.from({ length: 16 }, (_, k) => ({
    requesterId: "req",
    recipientId: "rec",
    recipientName: "Ana",
    policy,
    interactions:
      order === "random"
        ? history(size, k + 1)
        : history(size, k + 1).sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()),
    requesterCreatedAt: new Date(NOW - 400 * DAY),
    relation: { blocked: false, connected: false, pendingOutgoing: false, pendingIncoming: false, cooldownUntil: null },
    now: new Date(NOW),
  }));
}

let sink = 0;

/** Evaluations per second over one run of at least RUN_MS. */
function run(batch: EvaluateInput[]): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 64; i++) sink += evaluate(batch[(n + i) & 15]).percent;
    n += 64;
    elapsed = performance.now() - start;
  } while (elapsed < RUN_MS);
  return (n / elapsed) * 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(batch: EvaluateInput[]): { median: number; runs: number[] } {
  run(batch); // warm up: let the JIT settle before measuring
  const runs = Array.from({ length: RUNS }, () => run(batch));
  return { median: median(runs), runs };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const rows = SIZES.map((size) => {
  const random = measure(inputs(size, "random"));
  const sorted = measure(inputs(size, "newest-first"));
  return {
    interactions: size,
    "evals/s (random order)": fmt(random.median),
    "µs/eval": (1e6 / random.median).toFixed(2),
    "evals/s (newest first)": fmt(sorted.median),
    "runs, random order (k/s)": random.runs.map((x) => Math.round(x / 1000)).join(" "),
  };
});
console.log(`warm-up engine, single thread, node ${process.version}, median of ${RUNS} runs of ≥ ${RUN_MS} ms each`);
console.table(rows);
if (sink === -1) console.log(sink);
