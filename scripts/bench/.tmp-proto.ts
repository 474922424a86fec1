import { getDb } from "@/lib/server/db";
import { loadWarmupInputs, policyFromRow } from "@/lib/server/queries/warmup-inputs";
import { getAppSettings } from "@/lib/server/settings";
import { evaluate } from "@/lib/warmup/evaluate";
import type { EngineInteraction, EvaluateInput } from "@/lib/warmup/types";
const db = await getDb();
const settings = await getAppSettings(db);
const heavy = (await db.member.findUniqueOrThrow({ where: { handle: process.argv[2] ?? "heavy" }, select: { id: true } })).id;
const now = new Date();
const since = new Date(now.getTime() - 366 * 86400000);
const related = [...new Set((await db.interaction.findMany({ where: { OR: [{ actorId: heavy }, { targetId: heavy }], occurredAt: { gte: since } }, select: { actorId: true, targetId: true } })).map((r) => (r.actorId === heavy ? r.targetId : r.actorId)))];

type IRow = { id: string; actor_id: string; target_id: string; kind: string; source: string; weight: number; occurred_at: Date; verification: string };
async function raw(viewerId: string, others: string[]): Promise<Map<string, EvaluateInput>> {
  const [members, policies, interactions, connections, blocks, pending, cooldowns] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; created_at: Date }[]>`SELECT id, name, created_at FROM member WHERE id = ANY(${[viewerId, ...others]}::text[])`,
    db.$queryRaw<Record<string, unknown>[]>`SELECT member_id AS "memberId", preset, min_points AS "minPoints", min_interactions AS "minInteractions", min_distinct_days AS "minDistinctDays", min_span_days AS "minSpanDays", require_conversation AS "requireConversation", require_reciprocity AS "requireReciprocity", freshness_days AS "freshnessDays", daily_point_cap AS "dailyPointCap", pending_logged_counts AS "pendingLoggedCounts", allow_introductions AS "allowIntroductions", min_account_age_days AS "minAccountAgeDays" FROM policy WHERE member_id = ANY(${others}::text[])`,
    db.$queryRaw<IRow[]>`SELECT id, actor_id, target_id, kind, source, weight, occurred_at, verification FROM interaction WHERE occurred_at >= ${since} AND ((actor_id = ${viewerId} AND target_id = ANY(${others}::text[])) OR (target_id = ${viewerId} AND actor_id = ANY(${others}::text[])))`,
    db.$queryRaw<{ a: string; b: string }[]>`SELECT member_a_id a, member_b_id b FROM connection WHERE (member_a_id = ${viewerId} AND member_b_id = ANY(${others}::text[])) OR (member_b_id = ${viewerId} AND member_a_id = ANY(${others}::text[]))`,
    db.$queryRaw<{ a: string; b: string }[]>`SELECT blocker_id a, blocked_id b FROM block WHERE (blocker_id = ${viewerId} AND blocked_id = ANY(${others}::text[])) OR (blocked_id = ${viewerId} AND blocker_id = ANY(${others}::text[]))`,
    db.$queryRaw<{ r: string; t: string }[]>`SELECT requester_id r, recipient_id t FROM connection_request WHERE status = 'pending' AND expires_at > ${now} AND ((requester_id = ${viewerId} AND recipient_id = ANY(${others}::text[])) OR (recipient_id = ${viewerId} AND requester_id = ANY(${others}::text[])))`,
    db.$queryRaw<{ t: string; until: Date }[]>`SELECT recipient_id t, max(cooldown_until) until FROM connection_request WHERE requester_id = ${viewerId} AND cooldown_until > ${now} AND recipient_id = ANY(${others}::text[]) GROUP BY recipient_id`,
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const pol = new Map(policies.map((p) => [p.memberId as string, p]));
  const byOther = new Map<string, EngineInteraction[]>();
  for (const r of interactions) {
    const o = r.actor_id === viewerId ? r.target_id : r.actor_id;
    let l = byOther.get(o); if (!l) byOther.set(o, (l = []));
    l.push({ id: r.id, actorId: r.actor_id, targetId: r.target_id, kind: r.kind as never, source: r.source as never, weight: r.weight, occurredAt: r.occurred_at, verification: r.verification as never });
  }
  const conn = new Set(connections.map((c) => (c.a === viewerId ? c.b : c.a)));
  const blk = new Set(blocks.map((c) => (c.a === viewerId ? c.b : c.a)));
  const out2 = new Set(pending.filter((p) => p.r === viewerId).map((p) => p.t));
  const in2 = new Set(pending.filter((p) => p.t === viewerId).map((p) => p.r));
  const cd = new Map(cooldowns.map((c) => [c.t, c.until]));
  const viewer = byId.get(viewerId)!;
  const out = new Map<string, EvaluateInput>();
  for (const o of others) {
    const m = byId.get(o); if (!m) continue;
    out.set(o, { requesterId: viewerId, recipientId: o, recipientName: m.name, policy: policyFromRow(pol.get(o), settings), interactions: byOther.get(o) ?? [], requesterCreatedAt: viewer.created_at, relation: { blocked: blk.has(o), connected: conn.has(o), pendingOutgoing: out2.has(o), pendingIncoming: in2.has(o), cooldownUntil: cd.get(o) ?? null }, now });
  }
  return out;
}
import { cpuMs, postgresBackends } from "./processes";
const dbName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
/** The proposal: for many others, load the viewer's own facts (bounded by the viewer's activity) without IN lists. */
async function viewerScoped(viewerId: string, others: string[]): Promise<Map<string, EvaluateInput>> {
  const set = new Set(others);
  const [members, policies, interactions, connections, blocks, pending, cooldowns] = await Promise.all([
    db.member.findMany({ where: { id: { in: [viewerId, ...others] } }, select: { id: true, name: true, createdAt: true } }),
    db.policy.findMany({ where: { memberId: { in: others } } }),
    db.interaction.findMany({ where: { occurredAt: { gte: since }, OR: [{ actorId: viewerId }, { targetId: viewerId }] }, select: { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true } }),
    db.connection.findMany({ where: { OR: [{ memberAId: viewerId }, { memberBId: viewerId }] }, select: { memberAId: true, memberBId: true } }),
    db.block.findMany({ where: { OR: [{ blockerId: viewerId }, { blockedId: viewerId }] }, select: { blockerId: true, blockedId: true } }),
    db.connectionRequest.findMany({ where: { status: "pending", expiresAt: { gt: now }, OR: [{ requesterId: viewerId }, { recipientId: viewerId }] }, select: { requesterId: true, recipientId: true } }),
    db.connectionRequest.findMany({ where: { cooldownUntil: { gt: now }, requesterId: viewerId }, select: { requesterId: true, recipientId: true, cooldownUntil: true } }),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const pol = new Map(policies.map((p) => [p.memberId, p]));
  const byOther = new Map<string, EngineInteraction[]>();
  for (const r of interactions) {
    const o = r.actorId === viewerId ? r.targetId : r.actorId;
    if (!set.has(o)) continue;
    let l = byOther.get(o); if (!l) byOther.set(o, (l = []));
    l.push(r as EngineInteraction);
  }
  const conn = new Set(connections.map((c) => (c.memberAId === viewerId ? c.memberBId : c.memberAId)));
  const blk = new Set(blocks.map((c) => (c.blockerId === viewerId ? c.blockedId : c.blockerId)));
  const out2 = new Set(pending.filter((p) => p.requesterId === viewerId).map((p) => p.recipientId));
  const in2 = new Set(pending.filter((p) => p.recipientId === viewerId).map((p) => p.requesterId));
  const cd = new Map<string, Date>();
  for (const c of cooldowns) { const prev = cd.get(c.recipientId); if (c.cooldownUntil && (!prev || c.cooldownUntil > prev)) cd.set(c.recipientId, c.cooldownUntil); }
  const viewer = byId.get(viewerId)!;
  const out = new Map<string, EvaluateInput>();
  for (const o of others) {
    const m = byId.get(o); if (!m) continue;
    out.set(o, { requesterId: viewerId, recipientId: o, recipientName: m.name, policy: policyFromRow(pol.get(o), settings), interactions: byOther.get(o) ?? [], requesterCreatedAt: viewer.createdAt, relation: { blocked: blk.has(o), connected: conn.has(o), pendingOutgoing: out2.has(o), pendingIncoming: in2.has(o), cooldownUntil: cd.get(o) ?? null }, now });
  }
  return out;
}
async function time(label: string, fn: () => Promise<unknown>, n = 30) {
  for (let i = 0; i < 5; i++) await fn();
  const d0 = cpuMs(postgresBackends(dbName));
  const c0 = process.cpuUsage(); const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(c0);
  const d = cpuMs(postgresBackends(dbName)) - d0;
  console.log(label.padEnd(30), ((performance.now() - t) / n).toFixed(1), "ms wall", ((c.user + c.system) / 1000 / n).toFixed(1), "ms app cpu", (d / n).toFixed(1), "ms db cpu");
}
// sanity: same evaluations
const a = await loadWarmupInputs(db, { viewerId: heavy, otherIds: related, role: "requester", now, settings });
const b = await viewerScoped(heavy, related);
let same = 0; for (const [k, v] of a) if (JSON.stringify(evaluate(v)) === JSON.stringify(evaluate(b.get(k)!))) same++;
console.log("related", related.length, "identical evaluations", same, "/", a.size);
await time("prisma loadWarmupInputs", () => loadWarmupInputs(db, { viewerId: heavy, otherIds: related, role: "requester", now, settings }));
await time("raw ANY() inputs", () => raw(heavy, related));
await time("viewer-scoped inputs (prisma)", () => viewerScoped(heavy, related));
await time("evaluate all", async () => { for (const v of a.values()) evaluate(v); });
await time("interactions IN (raw)", () => db.$queryRaw`SELECT id, actor_id, target_id, kind, source, weight, occurred_at, verification FROM interaction WHERE occurred_at >= ${since} AND ((actor_id = ${heavy} AND target_id = ANY(${related}::text[])) OR (target_id = ${heavy} AND actor_id = ANY(${related}::text[])))`);
await time("interactions by viewer (raw)", () => db.$queryRaw`SELECT id, actor_id, target_id, kind, source, weight, occurred_at, verification FROM interaction WHERE occurred_at >= ${since} AND (actor_id = ${heavy} OR target_id = ${heavy})`);
await time("interactions IN (prisma)", () => db.interaction.findMany({ where: { occurredAt: { gte: since }, OR: [{ actorId: heavy, targetId: { in: related } }, { actorId: { in: related }, targetId: heavy }] }, select: { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true } }));
await time("members IN (prisma)", () => db.member.findMany({ where: { id: { in: related } }, select: { id: true, name: true, createdAt: true } }));
await time("policy IN (prisma)", () => db.policy.findMany({ where: { memberId: { in: related } } }));
await time("connection IN (prisma)", () => db.connection.findMany({ where: { OR: [{ memberAId: heavy, memberBId: { in: related } }, { memberBId: heavy, memberAId: { in: related } }] }, select: { memberAId: true, memberBId: true } }));
await time("connection by viewer (prisma)", () => db.connection.findMany({ where: { OR: [{ memberAId: heavy }, { memberBId: heavy }] }, select: { memberAId: true, memberBId: true } }));
process.exit(0);
