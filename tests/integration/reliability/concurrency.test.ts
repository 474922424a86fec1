import { beforeEach, describe, expect, it } from "vitest";
import { outcome } from "@/tests/support/outcome";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { blockMember } from "@/lib/server/services/blocks/block";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { createMember, createMembers } from "@/tests/factories/members";
import { createPost } from "@/tests/factories/content";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, daysAfter, warmUp } from "../requests/helpers";

/**
 * PRODUCT §4 under real concurrency: many transactions at once on a PostgreSQL server
 * (PGlite has one connection, so nothing would race there). Services are called directly
 * with parallel promises; the database's constraints and row locks must decide. The pool has
 * its production size (10 connections), so bursts larger than the pool queue for a connection
 * the way they would in production.
 */
const onServer = Boolean(serverUrl());
const t = useTestDatabase();
beforeEach(() => t.reset());

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ((acc[x] = (acc[x] ?? 0) + 1), acc), {});

describe.skipIf(!onServer)("concurrency on PostgreSQL", () => {
  it("50 identical sends at once store exactly one request", async () => {
    const [ben, ana] = await createMembers(2);
    await warmUp(ben.id, ana.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW }))));
    expect(tally(results)).toEqual({ ok: 1, duplicate_pending: 49 });
    expect(await t.db.connectionRequest.count()).toBe(1);
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "request_received" } })).toBe(1);
  });

  it("30 sends at once to 30 warm members with 20 left in the weekly budget: 20 stored, 10 refused with weekly_limit", async () => {
    const ben = await createMember();
    const others = await createMembers(30);
    for (const o of others) await warmUp(ben.id, o.id);
    const results = await Promise.all(others.map((o) => outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: o.handle, note: NOTE }, now: NOW }))));
    expect(tally(results)).toEqual({ ok: 20, weekly_limit: 10 });
    expect(await t.db.connectionRequest.count({ where: { requesterId: ben.id } })).toBe(20);
  });

  it("the weekly budget holds when each send has its own clock (a send that waited for the lock has an older 'now')", async () => {
    const ben = await createMember();
    const others = await createMembers(30);
    for (const o of others) await warmUp(ben.id, o.id);
    // Launched in order, but the later a send starts the EARLIER its clock: requests that queue
    // behind the lock see rows "from the future" — they must count them all the same.
    const results = await Promise.all(
      others.map((o, i) => outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: o.handle, note: NOTE }, now: new Date(NOW.getTime() + (30 - i) * 1_000) }))),
    );
    expect(tally(results)).toEqual({ ok: 20, weekly_limit: 10 });
    expect(await t.db.connectionRequest.count({ where: { requesterId: ben.id } })).toBe(20);
  });

  it("A→B and B→A at once end in one connection and no pending request (10 pairs, all at once)", async () => {
    const pairs = [];
    for (let i = 0; i < 10; i++) {
      const [a, b] = await createMembers(2);
      await warmUp(a.id, b.id);
      await warmUp(b.id, a.id);
      pairs.push([a, b] as const);
    }
    const results = await Promise.all(
      pairs.flatMap(([a, b]) => [outcome(sendRequest(t.db, { requesterId: a.id, input: { to: b.handle, note: NOTE }, now: NOW })), outcome(sendRequest(t.db, { requesterId: b.id, input: { to: a.handle, note: NOTE }, now: NOW }))]),
    );
    expect(results.every((r) => r === "ok")).toBe(true); // the second send answers the first: both succeed
    expect(await t.db.connectionRequest.count({ where: { status: "pending" } })).toBe(0);
    expect(await t.db.connectionRequest.count({ where: { status: "accepted" } })).toBe(10);
    expect(await t.db.connection.count()).toBe(10);
  });

  it("accept racing withdraw has one consistent outcome, 20 times", async () => {
    for (let i = 0; i < 20; i++) {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
      const later = daysAfter(NOW, 1);
      const [accepted, withdrawn] = await Promise.all([
        outcome(acceptRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, now: later })),
        outcome(withdrawRequest(t.db, { requesterId: ben.id, requestId: sent.requestId, now: later })),
      ]);
      expect([accepted, withdrawn].sort()).toEqual(["conflict", "ok"]);
      const row = await t.db.connectionRequest.findUniqueOrThrow({ where: { id: sent.requestId } });
      const connections = await t.db.connection.count({ where: { OR: [{ memberAId: ben.id }, { memberBId: ben.id }] } });
      expect(row.status).toBe(accepted === "ok" ? "accepted" : "withdrawn");
      expect(row.pendingPairKey).toBeNull();
      expect(connections).toBe(row.status === "accepted" ? 1 : 0);
      expect(row.cooldownUntil === null).toBe(row.status === "accepted");
    }
  });

  it("accept racing decline racing withdraw: exactly one wins, 10 times", async () => {
    for (let i = 0; i < 10; i++) {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
      const later = daysAfter(NOW, 1);
      const results = await Promise.all([
        outcome(acceptRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, now: later })),
        outcome(declineRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, input: { reason: "not_yet" }, now: later })),
        outcome(withdrawRequest(t.db, { requesterId: ben.id, requestId: sent.requestId, now: later })),
      ]);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "conflict")).toBe(true);
      const connected = await t.db.connection.count();
      const row = await t.db.connectionRequest.findUniqueOrThrow({ where: { id: sent.requestId } });
      expect(connected).toBe(row.status === "accepted" ? 1 : 0);
      await t.db.connection.deleteMany();
    }
  });

  it("a block racing a send never leaves a pending request between the pair, 20 times", async () => {
    for (let i = 0; i < 20; i++) {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const [sent, blocked] = await Promise.all([
        outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })),
        outcome(blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW })),
      ]);
      expect(blocked).toBe("ok");
      expect(["ok", "not_found"]).toContain(sent);
      expect(await t.db.connectionRequest.count({ where: { requesterId: ben.id, status: "pending" } })).toBe(0);
    }
  });

  it("20 parallel reaction toggles leave at most one interaction and one reaction for the member and the post", async () => {
    const [author, fan] = await createMembers(2);
    const post = await createPost({ authorId: author.id });
    const types = ["like", "insightful", "thanks", null] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(setReaction(t.db, { memberId: fan.id, input: { subject: "post", id: post.id, type: types[i % 4] }, now: NOW }))),
    );
    expect(results.every((r) => r === "ok")).toBe(true);
    expect(await t.db.interaction.count({ where: { actorId: fan.id, postId: post.id } })).toBe(1);
    expect(await t.db.reaction.count({ where: { memberId: fan.id, postId: post.id } })).toBeLessThanOrEqual(1);
    // The row and the reaction agree: removed exactly when there is no reaction.
    const [row, reaction] = await Promise.all([
      t.db.interaction.findFirstOrThrow({ where: { actorId: fan.id, postId: post.id } }),
      t.db.reaction.findFirst({ where: { memberId: fan.id, postId: post.id } }),
    ]);
    expect(row.verification === "removed").toBe(reaction === null);
  });

  it("20 concurrent logs of the same evidence link store one", async () => {
    const [ben, ana] = await createMembers(2);
    const input = { targetHandle: ana.handle, platform: "x", kind: "reply", occurredOn: "2027-03-08", evidenceUrl: "https://x.com/ben/status/1" } as const;
    const results = await Promise.all(Array.from({ length: 20 }, () => outcome(logInteraction(t.db, { actorId: ben.id, input, now: NOW }))));
    expect(tally(results)).toEqual({ ok: 1, validation: 19 });
    expect(await t.db.loggedInteraction.count()).toBe(1);
    expect(await t.db.interaction.count({ where: { source: "logged" } })).toBe(1);
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "logged_pending" } })).toBe(1);
  });
});
