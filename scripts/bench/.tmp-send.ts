import { getDb } from "@/lib/server/db";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import pg from "pg";
type Logged = { text: string; params?: unknown[]; ms: number };
const counter = (globalThis as unknown as { __rapportQueryCounter: { log: Logged[] } }).__rapportQueryCounter;
const db = await getDb();
const s = (await db.member.findUniqueOrThrow({ where: { handle: "bench_s399" }, select: { id: true } })).id;
const explainer = new pg.Client({ connectionString: process.env.DATABASE_URL }); await explainer.connect();
for (const k of [0, 1, 2]) {
  counter.log.length = 0;
  const t = performance.now();
  const r = await sendRequest(s, { to: `bench_r${k}`, note: "I enjoyed your benchmark write-up on indexing and would like to keep learning from you." }).catch((e) => e.code);
  console.log(k, r?.kind ?? r, (performance.now() - t).toFixed(1), "ms", counter.log.length, "statements");
}
await new Promise((r) => setTimeout(r, 50));
for (const q of counter.log) {
  let exec = "";
  if (/^\s*SELECT/i.test(q.text) && !/FOR UPDATE/i.test(q.text)) {
    const plan = await explainer.query(`EXPLAIN (ANALYZE) ${q.text}`, q.params as unknown[]);
    exec = plan.rows.map((r) => r["QUERY PLAN"]).filter((l: string) => /Execution Time|Seq Scan|Index Scan|Bitmap Index/.test(l)).map((l: string) => l.trim().slice(0, 90)).join(" | ");
  }
  console.log(q.ms.toFixed(2).padStart(7), q.text.replace(/\s+/g, " ").slice(0, 110), "\n         ", exec);
}
await explainer.end();
process.exit(0);
