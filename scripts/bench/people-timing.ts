// Median time of the people queries in-process against DATABASE_URL (a kept bench database):
//   DATABASE_URL=postgresql://…/rapport_bench_… npx tsx --conditions=react-server scripts/bench/people-timing.ts
import { getRootDb } from "@/lib/server/db";
import { searchMembers } from "@/lib/server/queries/member-search";
import { suggestPeople } from "@/lib/server/queries/suggestions";

async function median(label: string, fn: () => Promise<unknown>, runs = 11) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(runs / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`);
}

const db = await getRootDb();
const heavy = await db.member.findUniqueOrThrow({ where: { handle: "heavy" }, select: { id: true } });
const now = new Date();
const base = { viewerId: heavy.id, now, limit: 20 };
await median("search: common name (kim)", () => searchMembers(db, { ...base, q: "kim" }));
await median("search: typo (grase)", () => searchMembers(db, { ...base, q: "grase" }));
await median("search: topic (postgres)", () => searchMembers(db, { ...base, topic: "postgres" }));
await median("search: directory", () => searchMembers(db, { ...base }));
await median("suggestions (heavy)", () => suggestPeople(db, { viewerId: heavy.id, now, take: 20 }));
const newcomer = await db.member.findFirstOrThrow({ where: { handle: { startsWith: "m" } }, orderBy: { createdAt: "desc" }, select: { id: true, handle: true } });
await median(`suggestions (newest member, ${newcomer.handle})`, () => suggestPeople(db, { viewerId: newcomer.id, now, take: 20 }));
await db.$disconnect();
