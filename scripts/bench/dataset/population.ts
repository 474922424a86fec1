import type { InteractionKind } from "@/lib/warmup/types";
import { DAY } from "@/lib/warmup/time";
import type { SeedContext } from "./context";
import { writeConnection, writeRequest, type PairSet, type RequestState } from "./requests";
import { hashUnit } from "./rng";
import { ts } from "./sql-writer";

const STATE_MIX: Record<RequestState, number> = {
  pending: 16,
  accepted: 30,
  declined_not_yet: 14,
  declined_no: 10,
  withdrawn: 14,
  expired: 16,
};
/** Well under the weekly limit (20) and pending cap (50) even for the busiest requesters. */
const MAX_REQUESTS_PER_MEMBER = 100;
const MAX_PENDING_PER_MEMBER = 20;

const RANDOM_KINDS = {
  reaction: 36,
  comment: 30,
  mention: 10,
  share: 5,
  kudos: 5,
  logged_reply: 6,
  logged_mention: 5,
  logged_met: 3,
} as const;

/** A general-population member drawn by popularity: the active ones act (and are asked) more. */
const popular = (ctx: SeedContext) => ctx.layout.pool(ctx.zipf.sample(ctx.rng.next()));

/** Requests between general members until `target` are stored (the special members' count too). */
export async function seedRequests(ctx: SeedContext, pairs: PairSet, target: number): Promise<void> {
  const sent = new Uint16Array(ctx.o.members);
  const pending = new Uint16Array(ctx.o.members);
  let attempts = 0;
  while (ctx.seq.request < target && attempts++ < target * 20) {
    const requester = popular(ctx);
    const recipient = popular(ctx);
    const preset = ctx.layout.preset(recipient);
    // Strict, closed and custom protocols need more than the two-comment warm-up.
    if (preset !== "open" && preset !== "friendly" && preset !== "standard") continue;
    const state = ctx.rng.weighted(STATE_MIX);
    if (sent[requester] >= MAX_REQUESTS_PER_MEMBER) continue;
    if (state === "pending" && pending[requester] >= MAX_PENDING_PER_MEMBER) continue;
    if (pairs.has(requester, recipient) || requester === recipient) continue;
    const createdAt =
      state === "pending"
        ? ctx.now - (0.05 + ctx.rng.next() * 28.9) * DAY
        : state === "expired"
          ? ctx.now - (31 + ctx.rng.next() * 329) * DAY
          : ctx.now - (11 + ctx.rng.next() * 349) * DAY;
    if (!(await writeRequest(ctx, { requester, recipient, state, createdAt }))) continue;
    pairs.add(requester, recipient);
    sent[requester]++;
    if (state === "pending") pending[requester]++;
  }
}

/** Connections that predate any request on record, until `extra` more pairs are connected. */
export async function seedConnections(ctx: SeedContext, pairs: PairSet, extra: number): Promise<void> {
  for (let made = 0, attempts = 0; made < extra && attempts < extra * 20; attempts++) {
    const a = popular(ctx);
    const b = popular(ctx);
    if (!pairs.add(a, b)) continue;
    await writeConnection(ctx, a, b, ctx.now - (1 + ctx.rng.next() * 399) * DAY);
    made++;
  }
}

/** A few blocks between members with no request or connection between them. */
export async function seedBlocks(ctx: SeedContext, pairs: PairSet, count: number): Promise<void> {
  for (let made = 0, attempts = 0; made < count && attempts < count * 20; attempts++) {
    const blocker = ctx.layout.pool(ctx.rng.int(ctx.layout.poolSize));
    const blocked = popular(ctx);
    if (!pairs.add(blocker, blocked)) continue;
    await ctx.w.block.push([ctx.id(blocker), ctx.id(blocked), ts(ctx.now - ctx.rng.next() * 200 * DAY)]);
    made++;
  }
}

/**
 * The bulk: `count` interactions between general members. The actor is drawn by popularity;
 * half the time the target comes from the actor's own circle (a fixed, hashed list of
 * people they keep talking to — so pairs warm up over time), otherwise from everyone by
 * popularity. Times lean recent (a year back, denser toward now).
 */
export async function seedRandomInteractions(ctx: SeedContext, count: number, progress: (done: number) => void): Promise<void> {
  const P = ctx.layout.poolSize;
  for (let n = 0; n < count; ) {
    const g = ctx.zipf.sample(ctx.rng.next());
    const circle = g < 100 ? 300 : g < 2_000 ? 60 : 15;
    const t = ctx.rng.chance(0.5)
      ? ctx.zipf.sample(hashUnit(ctx.o.seed, 31, g, ctx.rng.int(circle)))
      : ctx.zipf.sample(ctx.rng.next());
    if (t === g || t >= P) continue;
    const at = ctx.now - Math.pow(ctx.rng.next(), 1.4) * 365 * DAY;
    await ctx.interaction(ctx.layout.pool(g), ctx.layout.pool(t), ctx.rng.weighted(RANDOM_KINDS) as InteractionKind, at, "population");
    if (++n % 100_000 === 0) progress(n);
  }
}
