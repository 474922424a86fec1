// Throughput of the warm-up rules engine on one thread: evaluations per second for
// histories of 10, 50, 100 and 1,000 interactions, in database order ((occurredAt, id)
// ascending, as `ORDER BY occurred_at, id` reads them: the engine's contract) and shuffled
// (the engine must sort). Then µs per interaction at 1,000 against 50 (linear: about 1) and
// the targets of issue 18 with PASS/FAIL. Run: npm run bench:engine
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
  return list; // random order
}

/** (occurredAt, id) ascending: what `ORDER BY occurred_at, id` gives the engine. */
function databaseOrder(list: EngineInteraction[]): EngineInteraction[] {
  return list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 16 different histories per size, in database order or shuffled. */
function inputs(size: number, order: "database" | "shuffled"): EvaluateInput[] {
  const policy = resolvePolicy({ preset: "strict" });
  return Array.from({ length: 16 }, (_, k) => ({
    requesterId: "req",
    recipientId: "rec",
    recipientName: "Ana",
    policy,
    interactions: order === "database" ? databaseOrder(history(size, k + 1)) : history(size, k + 1),
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
const results = new Map<number, { database: number; shuffled: number }>();
const rows = SIZES.map((size) => {
  const database = measure(inputs(size, "database"));
  const shuffled = measure(inputs(size, "shuffled"));
  results.set(size, { database: database.median, shuffled: shuffled.median });
  return {
    interactions: size,
    "evals/s (database order)": fmt(database.median),
    "µs/eval": (1e6 / database.median).toFixed(2),
    "µs/interaction": (1e6 / database.median / size).toFixed(4),
    "evals/s (shuffled)": fmt(shuffled.median),
    "µs/eval (shuffled)": (1e6 / shuffled.median).toFixed(2),
    "runs, database order (k/s)": database.runs.map((x) => Math.round(x / 1000)).join(" "),
  };
});
console.log(`warm-up engine, single thread, node ${process.version}, median of ${RUNS} runs of ≥ ${RUN_MS} ms each`);
console.table(rows);

// Linear: the cost per interaction at 1,000 is about the cost at 50 (the fixed cost per
// evaluation spread over 50 makes the ratio come out below 1; a sort would push it above).
const perInteraction = (size: number, order: "database" | "shuffled") => 1e6 / results.get(size)![order] / size;
const ratio = perInteraction(1000, "database") / perInteraction(50, "database");
const ratioShuffled = perInteraction(1000, "shuffled") / perInteraction(50, "shuffled");
const LINEAR_MAX = 1.5;
console.log(`µs per interaction, 1,000 vs 50: ${ratio.toFixed(2)}× in database order, ${ratioShuffled.toFixed(2)}× shuffled`);
const targets: [string, boolean][] = [
  [`≥ 1,000,000 evals/s at 10 interactions (database order): ${fmt(results.get(10)!.database)}`, results.get(10)!.database >= 1_000_000],
  [`≥ 500,000 evals/s at 50 interactions (database order): ${fmt(results.get(50)!.database)}`, results.get(50)!.database >= 500_000],
  [`linear to 1,000: µs per interaction at 1,000 ≤ ${LINEAR_MAX}× that at 50: ${ratio.toFixed(2)}×`, ratio <= LINEAR_MAX],
];
for (const [what, ok] of targets) console.log(`${ok ? "PASS" : "FAIL"}  ${what}`);
if (sink === -1) console.log(sink);
