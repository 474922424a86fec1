import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { removeConnection } from "@/lib/server/services/connections/remove-connection";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createConnection } from "@/tests/factories/relations";
import { getAppSettings } from "@/lib/server/settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, daysAfter, expectRefused, setAppSettings, warmUp } from "./helpers";

const t = useTestDatabase();
beforeEach(() => t.reset());

let ben: FactoryMember;
let ana: FactoryMember;
let eve: FactoryMember;
let requestId: string;

beforeEach(async () => {
  ben = await createMember({ name: "Ben Okafor" });
  ana = await createMember({ name: "Ana Ferreira" });
  eve = await createMember({ name: "Eve Outsider" });
  await warmUp(ben.id, ana.id);
  ({ requestId } = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string });
});

const row = () => t.db.connectionRequest.findUniqueOrThrow({ where: { id: requestId } });

describe("accept", () => {
  it("connects the pair (smaller id first), tells the requester and records it", async () => {
    const at = daysAfter(NOW, 2);
    await acceptRequest(t.db, { recipientId: ana.id, requestId, now: at });
    expect(await row()).toMatchObject({ status: "accepted", pendingPairKey: null, decidedAt: at, cooldownUntil: null });
    const [a, b] = [ben.id, ana.id].sort();
    expect(await t.db.connection.findMany()).toMatchObject([{ memberAId: a, memberBId: b, createdAt: at }]);
    expect(await t.db.notification.findMany({ where: { memberId: ben.id } })).toMatchObject([
      { type: "request_accepted", data: { requestId, member: { handle: ana.handle } } },
    ]);
    expect(await t.db.auditEvent.findMany({ where: { action: "request.accepted" } })).toMatchObject([{ actorId: ana.id, subjectId: requestId }]);
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: at }))?.status).toBe("connected");
  });

  it("by the requester or by anyone else: not_found", async () => {
    await expectRefused(t.db, () => acceptRequest(t.db, { recipientId: ben.id, requestId, now: NOW }), "not_found");
    await expectRefused(t.db, () => acceptRequest(t.db, { recipientId: eve.id, requestId, now: NOW }), "not_found");
    await expectRefused(t.db, () => acceptRequest(t.db, { recipientId: ana.id, requestId: "no-such-request", now: NOW }), "not_found");
  });

  it("after a withdraw: one outcome, the withdraw", async () => {
    await withdrawRequest(t.db, { requesterId: ben.id, requestId, now: NOW });
    const e = await expectRefused(t.db, () => acceptRequest(t.db, { recipientId: ana.id, requestId, now: NOW }), "conflict");
    expect(e.message).toMatch(/withdrawn/);
    expect(await t.db.connection.count()).toBe(0);
  });
});

describe("decline and withdraw set the cooldown the reason calls for", () => {
  it.each([
    ["not_yet", 14],
    ["no", 90],
  ] as const)("%s: the requester may ask again after %i days, and is told the reason and the date", async (reason, days) => {
    const at = daysAfter(NOW, 1);
    await declineRequest(t.db, { recipientId: ana.id, requestId, input: { reason }, now: at });
    const r = await row();
    expect(r).toMatchObject({ status: "declined", declineReason: reason, pendingPairKey: null });
    expect(r.cooldownUntil).toEqual(daysAfter(at, days));
    expect(await t.db.notification.findMany({ where: { memberId: ben.id } })).toMatchObject([
      { type: "request_declined", data: { reason, cooldownUntil: daysAfter(at, days).toISOString() } },
    ]);

    const before = await expectRefused(t.db, () => sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: daysAfter(at, days - 1) }), "cooldown");
    expect(before.retryAt).toEqual(daysAfter(at, days));
    // Interactions keep their dates, so warm up again before the second try.
    await warmUp(ben.id, ana.id, daysAfter(at, days + 1));
    await expect(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: daysAfter(at, days + 1) })).resolves.toMatchObject({ kind: "sent" });
  });

  it("uses the admin's cooldowns when set", async () => {
    await setAppSettings(t.db, { requests: { cooldownNoDays: 200 } });
    await declineRequest(t.db, { recipientId: ana.id, requestId, input: { reason: "no" }, now: NOW });
    expect((await row()).cooldownUntil).toEqual(daysAfter(NOW, 200));
  });

  it("an unknown reason is a validation error naming the field", async () => {
    const e = await expectRefused(t.db, () => declineRequest(t.db, { recipientId: ana.id, requestId, input: { reason: "never" as never }, now: NOW }), "validation");
    expect(e.fields?.reason?.[0]).toMatch(/not_yet/);
  });

  it("withdraw: 7 days of cooldown, the pair key freed", async () => {
    await withdrawRequest(t.db, { requesterId: ben.id, requestId, now: NOW });
    const r = await row();
    expect(r).toMatchObject({ status: "withdrawn", pendingPairKey: null });
    expect(r.cooldownUntil).toEqual(daysAfter(NOW, 7));
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: daysAfter(NOW, 6) }))?.status).toBe("cooldown");
    expect(await t.db.auditEvent.count({ where: { action: "request.withdrawn", actorId: ben.id } })).toBe(1);
    // The recipient may still ask the other way: the cooldown binds the one who withdrew.
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ana.id, otherId: ben.id, now: daysAfter(NOW, 1) }))?.status).not.toBe("cooldown");
  });

  it("decline by the requester or a stranger, withdraw by the recipient or a stranger: not_found", async () => {
    await expectRefused(t.db, () => declineRequest(t.db, { recipientId: ben.id, requestId, input: { reason: "no" }, now: NOW }), "not_found");
    await expectRefused(t.db, () => declineRequest(t.db, { recipientId: eve.id, requestId, input: { reason: "no" }, now: NOW }), "not_found");
    await expectRefused(t.db, () => withdrawRequest(t.db, { requesterId: ana.id, requestId, now: NOW }), "not_found");
    await expectRefused(t.db, () => withdrawRequest(t.db, { requesterId: eve.id, requestId, now: NOW }), "not_found");
  });
});

describe("expiry after 30 days", () => {
  it("is still pending a moment before", async () => {
    expect(await expireRequests(t.db, { now: daysAfter(NOW, 29.99) })).toBe(0);
    expect((await row()).status).toBe("pending");
  });

  it("expires with no cooldown, tells the requester, and a new request is allowed", async () => {
    const at = daysAfter(NOW, 30);
    expect(await expireRequests(t.db, { now: at, memberIds: [ana.id] })).toBe(1);
    expect(await row()).toMatchObject({ status: "expired", pendingPairKey: null, cooldownUntil: null });
    expect(await t.db.notification.findMany({ where: { memberId: ben.id } })).toMatchObject([
      { type: "request_expired", data: { requestId, member: { handle: ana.handle } } },
    ]);
    expect(await t.db.auditEvent.findMany({ where: { action: "request.expired" } })).toMatchObject([{ actorId: null, subjectId: requestId }]);
    // Running it again finds nothing more to do.
    expect(await expireRequests(t.db, { now: at })).toBe(0);

    await warmUp(ben.id, ana.id, at);
    await expect(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: at })).resolves.toMatchObject({ kind: "sent" });
  });

  it("happens on send, without the scheduled job", async () => {
    const at = daysAfter(NOW, 31);
    await warmUp(ben.id, ana.id, at);
    await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: at });
    expect((await row()).status).toBe("expired");
    expect(await t.db.connectionRequest.count({ where: { status: "pending" } })).toBe(1);
  });

  it("an expired request can no longer be accepted", async () => {
    const e = await acceptRequest(t.db, { recipientId: ana.id, requestId, now: daysAfter(NOW, 30) }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("conflict");
    expect(await t.db.connection.count()).toBe(0);
  });

  it("leaves other members' requests alone when scoped", async () => {
    expect(await expireRequests(t.db, { now: daysAfter(NOW, 40), memberIds: [eve.id] })).toBe(0);
    expect((await row()).status).toBe("pending");
  });
});

describe("connections", () => {
  it("either side may remove one, without a cooldown; a stranger gets not_found", async () => {
    await acceptRequest(t.db, { recipientId: ana.id, requestId, now: NOW });
    await expectRefused(t.db, () => removeConnection(t.db, { memberId: eve.id, input: { handle: ana.handle }, now: NOW }), "not_found");
    await removeConnection(t.db, { memberId: ben.id, input: { handle: ana.handle }, now: daysAfter(NOW, 1) });
    expect(await t.db.connection.count()).toBe(0);
    expect(await t.db.auditEvent.findMany({ where: { action: "connection.removed" } })).toMatchObject([{ actorId: ben.id }]);
    await expectRefused(t.db, () => removeConnection(t.db, { memberId: ana.id, input: { handle: ben.handle }, now: new Date() }), "not_found");

    await createConnection(ben.id, ana.id);
    await removeConnection(t.db, { memberId: ana.id, input: { handle: ben.handle }, now: new Date() });
    expect(await t.db.connection.count()).toBe(0);
    // No cooldown: Ben is warm again at once.
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: daysAfter(NOW, 1) }))?.status).toBe("warm");
  });
});

describe("the audit trail", () => {
  it("outlives the request it describes", async () => {
    await declineRequest(t.db, { recipientId: ana.id, requestId, input: { reason: "no" }, now: NOW });
    await t.db.member.delete({ where: { id: ben.id } });
    expect(await t.db.connectionRequest.count()).toBe(0);
    const actions = (await t.db.auditEvent.findMany({ where: { subjectId: requestId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["request.sent", "request.declined"]);
  });
});
