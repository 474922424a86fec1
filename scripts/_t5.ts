import { getDb } from "@/lib/server/db";
import { listPosts } from "@/lib/server/queries/feed";
import { headerCounts } from "@/lib/server/queries/header-counts";
import { listKudos } from "@/lib/server/queries/kudos-wall";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { loadPolicy } from "@/lib/server/queries/policy";
import { findProfile } from "@/lib/server/queries/profile";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { eligibleIntroductionTargets, introductionsBetween } from "@/lib/server/queries/introductions";
const db = await getDb();
async function time(name: string, f: () => Promise<unknown>, n = 20) {
  for (let i = 0; i < 3; i++) await f();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  const c = process.cpuUsage(c0);
  t.sort((a, b) => a - b);
  console.log(name.padEnd(30), "median", t[n >> 1].toFixed(1), "ms; cpu/iter", ((c.user + c.system) / 1000 / n).toFixed(1), "ms");
}
const idOf = async (h: string) => (await db.member.findUniqueOrThrow({ where: { handle: h }, select: { id: true } })).id;
const viewerId = await idOf("heavy"), otherId = await idOf("peer");
const now = new Date();
const rel = await loadRelationship(viewerId, otherId);
const hist = await loadPairHistory(viewerId, otherId, { role: "requester", evaluation: rel!.evaluation });
console.log("history items", hist.length);
await time("findProfile", () => findProfile("peer", viewerId));
await time("loadRelationship", () => loadRelationship(viewerId, otherId, { now }));
await time("loadPairHistory", () => loadPairHistory(viewerId, otherId, { role: "requester", evaluation: rel!.evaluation, now }));
await time("listPosts", () => listPosts(db, { viewerId, authorId: otherId, limit: 5, threadsPerPost: 1 }));
await time("listKudos", () => listKudos(db, { recipientId: otherId, viewerId }));
await time("intros", () => Promise.all([introductionsBetween(viewerId, otherId), eligibleIntroductionTargets(viewerId, otherId, { now })]));
await time("headerCounts", () => headerCounts(viewerId));
await time("loadPolicy", () => loadPolicy(db, otherId));
process.exit(0);
