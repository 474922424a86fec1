// Which SQL each benchmarked path sends, how long each statement takes, and its plan.
// Runs the same data functions the pages and API call, in-process, against DATABASE_URL:
//
//   RAPPORT_QUERY_LOG=verbose NODE_OPTIONS="--require ./scripts/bench/query-counter.cjs" \
//     DATABASE_URL=postgresql://…/rapport_bench_… npx tsx --conditions=react-server \
//     scripts/bench/explain.ts --viewer heavy --other peer [--plans] [--min-ms 2]
//
// Each path runs three times (the first warms caches); the last run's statements are listed,
// and with --plans every statement slower than --min-ms is re-run under EXPLAIN ANALYZE.
import { parseArgs } from "node:util";
import pg from "pg";
import { getDb } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { loadDashboard } from "@/lib/server/queries/dashboard";
import { listPosts } from "@/lib/server/queries/feed";
import { memberCounts } from "@/lib/server/queries/member-counts";
import { listKudos } from "@/lib/server/queries/kudos-wall";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { loadPolicy } from "@/lib/server/queries/policy";
import { findProfile } from "@/lib/server/queries/profile";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";

type Logged = { text: string; params?: unknown[]; ms: number };
const counter = (globalThis as { __rapportQueryCounter?: { queries: number; log: Logged[] } }).__rapportQueryCounter;
if (!counter) throw new Error('Run with RAPPORT_QUERY_LOG=verbose NODE_OPTIONS="--require ./scripts/bench/query-counter.cjs".');

const { values: flags } = parseArgs({
  options: {
    viewer: { type: "string", default: "heavy" },
    other: { type: "string", default: "peer" },
    plans: { type: "boolean", default: false },
    "min-ms": { type: "string", default: "2" },
    only: { type: "string" },
  },
});

const db = await getDb();
const idOf = async (handle: string) => (await db.member.findUniqueOrThrow({ where: { handle }, select: { id: true } })).id;
const viewerId = await idOf(flags.viewer!);
const otherId = await idOf(flags.other!);

const paths: Record<string, () => Promise<unknown>> = {
  dashboard: async () => loadDashboard(db, { viewerId, now: new Date(), settings: await getAppSettings(db), selfHandle: flags.viewer }),
  profile: async () => {
    const profile = await findProfile(db, { handle: flags.other!, viewerId });
    if (!profile) throw new Error("profile not found");
    const settings = await getAppSettings(db);
    const rel = await loadRelationship(db, { viewerId, otherId, now: new Date(), settings });
    await Promise.all([
      loadPolicy(db, { memberId: otherId, settings }),
      listPosts(db, { viewerId, authorId: otherId, limit: 5, threadsPerPost: 1 }),
      listKudos(db, { recipientId: otherId, viewerId }),
      loadPairHistory(db, { viewerId, otherId, now: new Date(), settings, role: "requester", evaluation: rel?.evaluation }),
      memberCounts(db, { memberId: viewerId, now: new Date() }),
    ]);
  },
  warmup: async () => evaluatePair(db, { viewerId, otherId, role: "requester", now: new Date(), settings: await getAppSettings(db) }),
};

const explainer = new pg.Client({ connectionString: process.env.DATABASE_URL });
await explainer.connect();
for (const [name, run] of Object.entries(paths)) {
  if (flags.only && flags.only !== name) continue;
  let wall = 0;
  for (let i = 0; i < 3; i++) {
    counter.log.length = 0;
    const t = performance.now();
    await run();
    wall = performance.now() - t;
  }
  await new Promise((r) => setTimeout(r, 50)); // let the last timings land
  const log = [...counter.log];
  console.log(`\n=== ${name}: ${log.length} statements, ${wall.toFixed(1)} ms wall, ${log.reduce((s, q) => s + q.ms, 0).toFixed(1)} ms summed`);
  // What each statement reads or writes, to spot the same thing loaded twice.
  const byTarget = new Map<string, number>();
  for (const q of log) {
    const m = /^\s*(\w+).*?(?:FROM|UPDATE|INTO)\s+"public"\."(\w+)"/is.exec(q.text);
    const key = m ? `${m[1].toUpperCase()} ${m[2]}` : q.text.trim().split(/\s+/)[0].toUpperCase();
    byTarget.set(key, (byTarget.get(key) ?? 0) + 1);
  }
  console.log(`    ${[...byTarget].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  for (const q of log.sort((a, b) => b.ms - a.ms)) {
    console.log(`${q.ms.toFixed(2).padStart(8)} ms  ${q.text.replace(/\s+/g, " ").slice(0, 220)}`);
    if (!flags.plans || q.ms < Number(flags["min-ms"]) || !/^\s*(SELECT|WITH)/i.test(q.text)) continue;
    const plan = await explainer.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.params as unknown[]);
    // Long IN (…) lists would bury the plan: keep their first id and their length.
    const shorten = (line: string) => line.replace(/'\{([^,}]+),[^}]{200,}\}'/g, (m, first) => `'{${first},… ${m.split(",").length} ids}'`);
    console.log(plan.rows.map((r) => `            ${shorten(String(r["QUERY PLAN"]))}`).join("\n"));
  }
}
await explainer.end();
process.exit(0);
