import { getDb } from "@/lib/server/db";
import { loadDashboard } from "@/lib/server/queries/dashboard";
const db = await getDb();
async function time(name: string, f: () => Promise<unknown>, n = 15) {
  for (let i = 0; i < 3; i++) await f();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  console.log(name.padEnd(30), "median", t[n >> 1].toFixed(1), "ms; cpu/iter", ((c.user + c.system) / 1000 / n).toFixed(1), "ms");
}
for (const h of ["heavy", "rel10", "rel1000"]) {
  const viewerId = (await db.member.findUniqueOrThrow({ where: { handle: h }, select: { id: true } })).id;
  const d = await loadDashboard(viewerId);
  console.log(h, "ready", d.ready.length, "warming", d.warming.length, "in", d.incoming.length, "out", d.outgoing.length);
  await time(`loadDashboard ${h}`, () => loadDashboard(viewerId));
}
process.exit(0);
