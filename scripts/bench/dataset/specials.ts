import type { InteractionKind } from "@/lib/warmup/types";
import { DAY } from "@/lib/warmup/time";
import type { SeedContext } from "./context";
import { GROWTH, PEER_RANK, SPECIAL } from "./layout";
import { writeConnection, writeRequest, type PairSet } from "./requests";

const PAIR_KINDS = { comment: 4, reaction: 3, mention: 1, kudos: 1, logged_reply: 1 } as const;
/** Inside every freshness window (the shortest default is 180 days). */
const recent = (ctx: SeedContext) => ctx.now - (0.1 + ctx.rng.next() * 170) * DAY;

/** `count` distinct members of the general population, `first` (if given) first. */
function distinctPool(ctx: SeedContext, count: number, first?: number): number[] {
  const L = ctx.layout;
  const out = new Set<number>(first === undefined ? [] : [first]);
  while (out.size < Math.min(count, L.poolSize)) out.add(L.pool(ctx.rng.int(L.poolSize)));
  return [...out];
}

async function exchange(ctx: SeedContext, a: number, b: number, aToB: number, bToA: number, purpose: string) {
  for (let k = 0; k < aToB; k++) await ctx.interaction(a, b, ctx.rng.weighted(PAIR_KINDS) as InteractionKind, recent(ctx), purpose);
  for (let k = 0; k < bToA; k++) await ctx.interaction(b, a, ctx.rng.weighted(PAIR_KINDS) as InteractionKind, recent(ctx), purpose);
}

/**
 * `heavy`: 800 related members (interactions inside 180 days), 600 of them in both
 * directions, in every state the dashboard shows — 150 connections (100 through accepted
 * requests), 20 incoming and 10 outgoing pending requests, 20 recent declines/withdrawals
 * still cooling down, the rest warming or warm — plus 300 older contacts outside the window,
 * and a long notification history. `peer` (a busy member) is the first of them, with a rich
 * history both ways: the profile benchmark's page.
 */
export async function seedHeavy(ctx: SeedContext, pairs: PairSet): Promise<void> {
  const H = SPECIAL.heavy;
  const related = distinctPool(ctx, 1_100, ctx.layout.pool(PEER_RANK));
  for (const [p, other] of related.entries()) {
    if (p >= 800) {
      // Old contacts: outside every window, so not on the dashboard.
      await ctx.interaction(H, other, "comment", ctx.now - (200 + ctx.rng.next() * 160) * DAY, "heavy (old)");
      continue;
    }
    if (p === 0) await exchange(ctx, H, other, 12, 8, "heavy");
    else if (p < 600) await exchange(ctx, H, other, ctx.rng.between(1, 5), ctx.rng.between(1, 4), "heavy");
    else if (p < 700) await exchange(ctx, H, other, ctx.rng.between(1, 4), 0, "heavy");
    else await exchange(ctx, H, other, 0, ctx.rng.between(1, 3), "heavy");
    if (p === 0 || p > 200) continue;

    pairs.add(H, other);
    if (p <= 100) {
      const [requester, recipient] = p % 2 ? [H, other] : [other, H];
      const createdAt = ctx.now - (100 + ctx.rng.next() * 100) * DAY;
      if (!(await writeRequest(ctx, { requester, recipient, state: "accepted", createdAt }))) {
        await writeConnection(ctx, H, other, createdAt + DAY);
      }
    } else if (p <= 150) {
      await writeConnection(ctx, H, other, ctx.now - (10 + ctx.rng.next() * 300) * DAY);
    } else if (p <= 170) {
      await writeRequest(ctx, { requester: other, recipient: H, state: "pending", createdAt: ctx.now - (0.1 + ctx.rng.next() * 25) * DAY });
    } else if (p <= 180) {
      // Half of them inside the last 7 days: the weekly budget shows some use.
      const age = p <= 175 ? 0.1 + ctx.rng.next() * 6 : 8 + ctx.rng.next() * 20;
      await writeRequest(ctx, { requester: H, recipient: other, state: "pending", createdAt: ctx.now - age * DAY });
    } else {
      // Decided recently enough that each cooldown (7, 14 or 90 days) still runs; sent up to
      // 20 days before (a request is answered within its 30 days or expires).
      const state = p <= 188 ? "declined_not_yet" : p <= 194 ? "declined_no" : "withdrawn";
      const within = state === "withdrawn" ? 5 : state === "declined_not_yet" ? 12 : 60;
      const decidedAt = ctx.now - (0.5 + ctx.rng.next() * within) * DAY;
      await writeRequest(ctx, { requester: H, recipient: other, state, createdAt: decidedAt - (1 + ctx.rng.next() * 19) * DAY, decidedAt });
    }
  }
  const types = ["became_warm", "mentioned", "kudos_received", "request_accepted"];
  for (let k = 0; k < 1_500; k++) {
    const other = related[ctx.rng.int(800)];
    await ctx.notify(H, ctx.rng.pick(types), { member: ctx.ref(other) }, ctx.now - ctx.rng.next() * 365 * DAY);
  }
}

/**
 * rel10, rel100, rel1000: exactly N related members each, all with interactions both ways
 * inside 180 days, in the same proportions (1 in 10 connected, ~1 in 33 with a pending
 * request each way), so the dashboard's cost can be compared across sizes alone.
 */
export async function seedGrowth(ctx: SeedContext, pairs: PairSet): Promise<void> {
  const members = { rel10: SPECIAL.rel10, rel100: SPECIAL.rel100, rel1000: SPECIAL.rel1000 };
  for (const [handle, n] of GROWTH) {
    const me = members[handle];
    for (const [p, other] of distinctPool(ctx, n).entries()) {
      await exchange(ctx, me, other, 2, ctx.rng.between(1, 2), "growth");
      if (!pairs.add(me, other)) continue;
      const created = ctx.now - (0.5 + ctx.rng.next() * 20) * DAY;
      if (p % 10 === 0) await writeConnection(ctx, me, other, ctx.now - (30 + ctx.rng.next() * 200) * DAY);
      else if (p % 33 === 1) await writeRequest(ctx, { requester: me, recipient: other, state: "pending", createdAt: created });
      else if (p % 33 === 2) await writeRequest(ctx, { requester: other, recipient: me, state: "pending", createdAt: created });
    }
  }
}

/**
 * The send-request benchmark's cast: each sender is warm (two comments on two days, within
 * the last 5 days) toward every sink, with no request between them yet. Sinks are outside
 * the general population, so nothing else touches them.
 */
export async function seedSenders(ctx: SeedContext): Promise<void> {
  const L = ctx.layout;
  for (let s = 0; s < ctx.o.senders; s++) {
    for (let k = 0; k < ctx.o.sinks; k++) {
      await ctx.interaction(L.sender(s), L.sink(k), "comment", ctx.now - (2.1 + ctx.rng.next() * 3) * DAY, "bench senders", { keep: true });
      await ctx.interaction(L.sender(s), L.sink(k), "comment", ctx.now - (0.1 + ctx.rng.next() * 0.8) * DAY, "bench senders", { keep: true });
    }
  }
}
