import { getDb } from "@/lib/server/db";
import { loadDashboard } from "@/lib/server/queries/dashboard";
import { loadWarmupInputs } from "@/lib/server/queries/warmup-inputs";
import { evaluate } from "@/lib/warmup/evaluate";
import { getAppSettings } from "@/lib/server/settings";
const db = await getDb();
for (const handle of ["rel10", "rel100", "rel1000", "heavy"]) {
  const id = (await db.member.findUniqueOrThrow({ where: { handle }, select: { id: true } })).id;
  for (let i = 0; i < 5; i++) await loadDashboard(id, { selfHandle: handle });
  const n = 20;
  let t = performance.now();
  for (let i = 0; i < n; i++) await loadDashboard(id, { selfHandle: handle });
  const dash = (performance.now() - t) / n;
  const cpu0 = process.cpuUsage();
  t = performance.now();
  for (let i = 0; i < n; i++) await loadDashboard(id, { selfHandle: handle });
  const cpu = process.cpuUsage(cpu0);
  // split: inputs vs evaluate
  const since = new Date();
  const settings = await getAppSettings(db);
  const related = [...new Set((await db.interaction.findMany({ where: { OR: [{ actorId: id }, { targetId: id }], occurredAt: { gte: new Date(Date.now() - 365 * 86400000) } }, select: { actorId: true, targetId: true } })).map((r) => (r.actorId === id ? r.targetId : r.actorId)))];
  t = performance.now();
  let inputs;
  for (let i = 0; i < n; i++) inputs = await loadWarmupInputs(db, { viewerId: id, otherIds: related, role: "requester", now: since, settings });
  const load = (performance.now() - t) / n;
  t = performance.now();
  for (let i = 0; i < n; i++) for (const input of inputs!.values()) evaluate(input);
  const ev = (performance.now() - t) / n;
  console.log(handle, { related: related.length, dashboardMs: dash.toFixed(1), cpuMsPerDash: ((cpu.user + cpu.system) / 1000 / n).toFixed(1), loadInputsMs: load.toFixed(1), evaluateMs: ev.toFixed(1) });
}
process.exit(0);
