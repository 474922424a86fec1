import { evaluate } from "@/lib/warmup/evaluate";
import { pairKey } from "@/lib/warmup/pair-key";
import { buildSnapshot } from "@/lib/warmup/snapshot";
import type { EngineInteraction } from "@/lib/warmup/types";
import { memberName, requestNote } from "./content";
import { DAY } from "@/lib/warmup/time";
import type { SeedContext } from "./context";
import { Layout } from "./layout";
import { policyOf } from "./members";
import { ts } from "./sql-writer";

export type RequestState = "pending" | "accepted" | "declined_not_yet" | "declined_no" | "withdrawn" | "expired";

const COOLDOWN_DAYS: Partial<Record<RequestState, number>> = { declined_not_yet: 14, declined_no: 90, withdrawn: 7 };

/**
 * Pairs already used by a request, a connection or a block (smaller index first): one request
 * history per pair keeps every rule easy to uphold — at most one pending request per pair,
 * never a pending request between connected members.
 */
export class PairSet {
  private readonly set = new Set<number>();
  constructor(private readonly members: number) {}
  key = (a: number, b: number) => (a < b ? a * this.members + b : b * this.members + a);
  has = (a: number, b: number) => this.set.has(this.key(a, b));
  add(a: number, b: number): boolean {
    const k = this.key(a, b);
    if (a === b || this.set.has(k)) return false;
    this.set.add(k);
    return true;
  }
  get size() {
    return this.set.size;
  }
}

export async function writeConnection(ctx: SeedContext, a: number, b: number, at: number): Promise<void> {
  const [x, y] = [ctx.id(a), ctx.id(b)];
  await ctx.w.connection.push(x < y ? [x, y, ts(at)] : [y, x, ts(at)]);
}

/**
 * Writes one request the way the app would have: the requester first warms up (two comments
 * on two different UTC days before sending: enough for the open, friendly and standard
 * protocols), the stored snapshot is the engine's real evaluation at send time, and what
 * happened next follows the rules (accepted → a connection, declines and withdrawals → a
 * cooldown, expiry after 30 days). Returns false when the requester's budget or the engine
 * would not have allowed it.
 */
export async function writeRequest(
  ctx: SeedContext,
  r: { requester: number; recipient: number; state: RequestState; createdAt: number; decidedAt?: number },
): Promise<boolean> {
  const { requester, recipient, state, createdAt } = r;
  if (!ctx.ledger.allows(requester, createdAt, state === "pending")) return false;
  const policy = policyOf(ctx.layout, recipient);
  const warm: EngineInteraction[] = [];
  for (const at of [createdAt - (2 + ctx.rng.next() * 18) * DAY, createdAt - (0.05 + ctx.rng.next() * 0.85) * DAY]) {
    const id = await ctx.interaction(requester, recipient, "comment", at, "request warm-up", { keep: true });
    warm.push({ id, actorId: ctx.id(requester), targetId: ctx.id(recipient), kind: "comment", source: "observed", weight: 3, occurredAt: new Date(at), verification: "verified" });
  }
  const evaluation = evaluate({
    requesterId: ctx.id(requester),
    recipientId: ctx.id(recipient),
    recipientName: memberName(recipient),
    policy,
    interactions: warm,
    requesterCreatedAt: new Date(ctx.layout.createdAt(requester)),
    relation: { blocked: false, connected: false, pendingOutgoing: false, pendingIncoming: false, cooldownUntil: null },
    now: new Date(createdAt),
  });
  if (evaluation.status !== "warm") return false;

  ctx.ledger.record(requester, createdAt, state === "pending");
  const n = ctx.seq.request++;
  const id = Layout.id("r", n);
  const expiresAt = createdAt + 30 * DAY;
  const decidedAt = state === "pending" ? null : state === "expired" ? expiresAt : (r.decidedAt ?? createdAt + ctx.rng.next() * 10 * DAY);
  const cooldown = COOLDOWN_DAYS[state];
  const cooldownUntil = cooldown && decidedAt ? decidedAt + cooldown * DAY : null;
  const status = state.startsWith("declined") ? "declined" : state;
  const reason = state === "declined_not_yet" ? "not_yet" : state === "declined_no" ? "no" : null;
  const [a, b] = [ctx.id(requester), ctx.id(recipient)];
  const snapshot = buildSnapshot(evaluation, policy, new Date(createdAt));
  const note = requestNote(n, memberName(recipient));
  await ctx.w.connection_request.push([
    id, a, b, note, status, state === "pending" ? pairKey(a, b) : null, reason,
    JSON.stringify(snapshot), ts(createdAt), ts(expiresAt), ts(decidedAt), ts(cooldownUntil),
  ]);

  await ctx.notify(recipient, "request_received", { requestId: id, member: ctx.ref(requester), excerpt: note.slice(0, 140) }, createdAt);
  if (state === "accepted") {
    await writeConnection(ctx, requester, recipient, decidedAt!);
    await ctx.notify(requester, "request_accepted", { requestId: id, member: ctx.ref(recipient) }, decidedAt!);
  } else if (reason) {
    const data = { requestId: id, member: ctx.ref(recipient), reason, cooldownUntil: new Date(cooldownUntil!).toISOString() };
    await ctx.notify(requester, "request_declined", data, decidedAt!);
  } else if (state === "expired") {
    await ctx.notify(requester, "request_expired", { requestId: id, member: ctx.ref(recipient) }, decidedAt!);
  }
  return true;
}
