import { beforeEach, describe, expect, it } from "vitest";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { readSnapshot } from "@/lib/warmup/snapshot";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { pairKey } from "@/lib/warmup/pair-key";
import type { Evaluation } from "@/lib/warmup/types";
import { createMember } from "@/tests/factories/members";
import { createBlock, createConnection, createInteraction } from "@/tests/factories/relations";
import { getAppSettings } from "@/lib/server/settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { DAY, NOTE, NOW, daysAfter, expectRefused, setAppSettings, warmUp } from "./helpers";

const t = useTestDatabase();
beforeEach(() => t.reset());

async function pair(recipientPolicy: Record<string, unknown> = {}) {
  const ben = await createMember({ name: "Ben Okafor" });
  const ana = await createMember({ name: "Ana Ferreira", policy: recipientPolicy });
  return { ben, ana };
}

const send = (from: { id: string }, to: { handle: string }, at = NOW, note = NOTE) =>
  sendRequest(t.db, { requesterId: from.id, input: { to: to.handle, note }, now: at });

describe("sending a request when warm", () => {
  it("stores a pending request with the evaluation and protocol as they were, and tells the recipient", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    const result = await send(ben, ana);
    expect(result.kind).toBe("sent");

    const row = await t.db.connectionRequest.findFirstOrThrow({ where: { requesterId: ben.id } });
    expect(row).toMatchObject({ recipientId: ana.id, status: "pending", note: NOTE, pendingPairKey: pairKey(ben.id, ana.id) });
    expect(row.createdAt).toEqual(NOW);
    expect(row.expiresAt).toEqual(daysAfter(NOW, 30));
    const snap = readSnapshot(row.snapshot);
    expect(snap?.evaluation.status).toBe("warm");
    expect(snap?.evaluation.percent).toBe(100);
    expect(snap?.policy.preset).toBe("standard");
    expect(snap?.policyText).toMatch(/^To connect with me:/);

    const notes = await t.db.notification.findMany({ where: { memberId: ana.id } });
    expect(notes.map((n) => n.type)).toEqual(["request_received"]);
    expect(notes[0].data).toMatchObject({ requestId: row.id, member: { handle: ben.handle } });
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: row.id } });
    expect(audit).toMatchObject([{ action: "request.sent", actorId: ben.id, subjectType: "connection_request" }]);
  });

  it("accepts a handle written with an @ and in capitals", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    await sendRequest(t.db, { requesterId: ben.id, input: { to: `@${ana.handle.toUpperCase()}`, note: NOTE }, now: NOW });
    expect(await t.db.connectionRequest.count({ where: { recipientId: ana.id } })).toBe(1);
  });
});

describe("refusals: a refused send stores nothing", () => {
  it("cold: warmup_incomplete, with the evaluation", async () => {
    const { ben, ana } = await pair();
    const e = await expectRefused(t.db, () => send(ben, ana), "warmup_incomplete");
    const evaluation = e.details?.evaluation as Evaluation;
    expect(evaluation.status).toBe("cold");
    expect(evaluation.percent).toBe(0);
    expect(e.message).toMatch(/not warmed up with Ana/);
  });

  it("warming: warmup_incomplete, with the evaluation and what is missing", async () => {
    const { ben, ana } = await pair();
    await createInteraction({ actorId: ben.id, targetId: ana.id, kind: "comment", occurredAt: daysAfter(NOW, -1) });
    const e = await expectRefused(t.db, () => send(ben, ana), "warmup_incomplete");
    const evaluation = e.details?.evaluation as Evaluation;
    expect(evaluation.status).toBe("warming");
    expect(evaluation.criteria.find((c) => c.key === "distinctDays")).toMatchObject({ current: 1, required: 2, met: false });
    // The detail names every unmet criterion, not only the first.
    const unmet = evaluation.criteria.filter((c) => !c.met);
    expect(unmet.length).toBeGreaterThan(1);
    for (const c of unmet) expect(e.message).toContain(c.label);
    for (const c of evaluation.criteria.filter((c) => c.met)) expect(e.message).not.toContain(c.label);
  });

  it("cooldown after a decline: refused until the date, with retryAt", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    const { requestId } = (await send(ben, ana)) as { requestId: string };
    await declineRequest(t.db, { recipientId: ana.id, requestId, input: { reason: "not_yet" }, now: NOW });
    const later = daysAfter(NOW, 13);
    const e = await expectRefused(t.db, () => send(ben, ana, later), "cooldown");
    expect(e.retryAt).toEqual(daysAfter(NOW, 14));
  });

  it("closed protocol: closed", async () => {
    const { ben, ana } = await pair({ preset: "closed" });
    await warmUp(ben.id, ana.id);
    const e = await expectRefused(t.db, () => send(ben, ana), "closed");
    expect(e.message).toBe("Ana is not accepting connection requests.");
  });

  it("account younger than the recipient's minimum: too_new", async () => {
    const ben = await createMember({ createdAt: daysAfter(NOW, -5) });
    const ana = await createMember({ name: "Ana Ferreira", policy: { minAccountAgeDays: 30 } });
    await warmUp(ben.id, ana.id);
    const e = await expectRefused(t.db, () => send(ben, ana), "too_new");
    expect(e.message).toMatch(/at least 30 days old/);
  });

  it("weekly limit (set to 2): weekly_limit, free again 7 days after the oldest, withdrawn ones still count", async () => {
    await setAppSettings(t.db, { requests: { weeklyLimit: 2 } });
    const ben = await createMember();
    const [a, b, c] = await Promise.all([createMember(), createMember(), createMember()]);
    for (const m of [a, b, c]) await warmUp(ben.id, m.id, daysAfter(NOW, -3));
    const first = (await send(ben, a, daysAfter(NOW, -2))) as { requestId: string };
    await withdrawRequest(t.db, { requesterId: ben.id, requestId: first.requestId, now: daysAfter(NOW, -2) });
    await send(ben, b, daysAfter(NOW, -1));
    const e = await expectRefused(t.db, () => send(ben, c), "weekly_limit");
    expect(e.retryAt).toEqual(daysAfter(NOW, 5));
    expect(e.message).toMatch(/2 requests in the last 7 days/);
    // The moment the oldest leaves the window, a slot is free.
    await expect(send(ben, c, daysAfter(NOW, 5))).resolves.toMatchObject({ kind: "sent" });
  });

  it("pending cap (set to 2): pending_limit, with the earliest expiry", async () => {
    await setAppSettings(t.db, { requests: { pendingCap: 2 } });
    const ben = await createMember();
    const [a, b, c] = await Promise.all([createMember(), createMember(), createMember()]);
    for (const m of [a, b, c]) await warmUp(ben.id, m.id, daysAfter(NOW, -3));
    await send(ben, a, daysAfter(NOW, -2));
    await send(ben, b, daysAfter(NOW, -1));
    const e = await expectRefused(t.db, () => send(ben, c), "pending_limit");
    expect(e.retryAt).toEqual(daysAfter(NOW, 28));
  });

  it("a second request to the same member: duplicate_pending", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    await send(ben, ana);
    await expectRefused(t.db, () => send(ben, ana, daysAfter(NOW, 1)), "duplicate_pending");
  });

  it("the database refuses a second pending row for the pair even when the evaluation missed it", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    // A row the evaluation does not see as pending but that still holds the pair's key.
    await t.db.connectionRequest.create({
      data: {
        requesterId: ana.id,
        recipientId: ben.id,
        note: NOTE,
        status: "accepted",
        pendingPairKey: pairKey(ana.id, ben.id),
        snapshot: {},
        createdAt: NOW,
        expiresAt: daysAfter(NOW, 30),
      },
    });
    await expectRefused(t.db, () => send(ben, ana), "duplicate_pending");
  });

  it("blocked, either way: not_found, exactly like an unknown handle", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    await createBlock(ana.id, ben.id);
    const blocked = await expectRefused(t.db, () => send(ben, ana), "not_found");
    const unknown = await expectRefused(t.db, () => send(ben, { handle: "nobody_here" }), "not_found");
    expect(blocked.message).toBe(unknown.message);

    const { ben: b2, ana: a2 } = await pair();
    await warmUp(b2.id, a2.id);
    await createBlock(b2.id, a2.id);
    await expectRefused(t.db, () => send(b2, a2), "not_found");
  });

  it("to yourself: self", async () => {
    const ben = await createMember();
    await expectRefused(t.db, () => send(ben, ben), "self");
  });

  it("already connected: already_connected", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    await createConnection(ben.id, ana.id);
    await expectRefused(t.db, () => send(ben, ana), "already_connected");
  });

  it.each([
    ["too short", "Hello, nice to meet you!", /at least 30 characters/],
    ["too long", "x".repeat(501), /under 500 characters/],
    ["only the stock phrase", "I'd like to add you to my professional network.", /stock invitation/],
    ["a greeting and the name", "Hello Ana Ferreira, hi there, greetings and best wishes!", /stock invitation/],
    ["a greeting, the stock phrase, and a sign-off", "Hi Ana! Let's connect, let's connect. Cheers, Ben Okafor", /stock invitation/],
  ])("a note that is %s: a validation error on the note", async (_label, note, message) => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    const e = await expectRefused(t.db, () => send(ben, ana, NOW, note), "validation");
    expect(e.fields?.note?.[0]).toMatch(message);
  });
});

describe("suspensions decided inside the transaction", () => {
  it("a requester suspended after signing in is refused, and a suspended recipient reads as not found", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    await t.db.member.update({ where: { id: ben.id }, data: { suspendedAt: NOW } });
    await expectRefused(t.db, () => send(ben, ana), "suspended");
    await t.db.member.update({ where: { id: ben.id }, data: { suspendedAt: null } });
    await t.db.member.update({ where: { id: ana.id }, data: { suspendedAt: NOW, suspendedUntil: daysAfter(NOW, 3) } });
    await expectRefused(t.db, () => send(ben, ana), "not_found");
    // The suspension ends: the same send goes through.
    expect((await send(ben, ana, daysAfter(NOW, 4))).kind).toBe("sent");
  });
});

describe("mutual requests", () => {
  it("sending to someone who already asked you connects you both, accepting their request", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    const first = (await send(ben, ana)) as { requestId: string };
    // Ana is not warmed up with Ben at all: answering his request needs no gate.
    const result = await send(ana, ben, daysAfter(NOW, 1));
    expect(result).toMatchObject({ kind: "connected", requestId: first.requestId });

    const rows = await t.db.connectionRequest.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "accepted", pendingPairKey: null, decidedAt: daysAfter(NOW, 1) });
    const [a, b] = ben.id < ana.id ? [ben.id, ana.id] : [ana.id, ben.id];
    expect(await t.db.connection.findMany()).toMatchObject([{ memberAId: a, memberBId: b }]);
    const accepted = await t.db.notification.findMany({ where: { type: "request_accepted" } });
    expect(accepted.map((n) => n.memberId).sort()).toEqual([ben.id, ana.id].sort());
    expect(await t.db.auditEvent.count({ where: { action: "request.accepted", subjectId: first.requestId } })).toBe(1);
  });
});

describe("the protocol in force at send time decides", () => {
  it("a recipient who switches to strict after the page said warm refuses the send", async () => {
    const { ben, ana } = await pair();
    await warmUp(ben.id, ana.id);
    const shown = await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW });
    expect(shown?.status).toBe("warm");

    await t.db.policy.update({
      where: { memberId: ana.id },
      data: { preset: "strict", minPoints: 12, minInteractions: 4, minDistinctDays: 3, minSpanDays: 14, requireReciprocity: true },
    });
    const e = await expectRefused(t.db, () => send(ben, ana), "warmup_incomplete");
    const evaluation = e.details?.evaluation as Evaluation;
    expect(evaluation.status).toBe("warming");
    expect(evaluation.criteria.map((c) => c.key)).toContain("reciprocity");
  });

  it("and one who relaxes to open lets a cold requester through, with the open protocol in the snapshot", async () => {
    const { ben, ana } = await pair();
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))?.status).toBe("cold");
    await t.db.policy.update({ where: { memberId: ana.id }, data: { preset: "open" } });
    await send(ben, ana);
    const row = await t.db.connectionRequest.findFirstOrThrow();
    expect(readSnapshot(row.snapshot)?.policy.preset).toBe("open");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * DAY);
  });
});
