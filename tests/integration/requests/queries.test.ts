import { beforeEach, describe, expect, it } from "vitest";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { markAllNotificationsRead } from "@/lib/server/services/notifications/mark-read";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { findRequestForViewer, listRequests } from "@/lib/server/queries/requests";
import { listConnections } from "@/lib/server/queries/connections";
import { listNotifications } from "@/lib/server/queries/notifications";
import { findMutualConnections } from "@/lib/server/queries/mutual-connections";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { loadDashboard } from "@/lib/server/queries/dashboard";
import { memberCounts } from "@/lib/server/queries/member-counts";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createBlock, createConnection, createInteraction } from "@/tests/factories/relations";
import { markPairsStale } from "@/lib/server/services/summaries/mark-stale";
import { refreshAllDueSummaries } from "@/lib/server/services/summaries/refresh-due";
import { getAppSettings } from "@/lib/server/settings";
import { lockReasonOf } from "@/lib/warmup/wording";
import { loadShownPairHistory, PAIR_HISTORY_SHOWN } from "@/lib/server/queries/pair-history";
import { DEFAULT_APP_SETTINGS } from "@/lib/validation/app-settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, daysAfter, warmUp } from "./helpers";

const t = useTestDatabase();
beforeEach(() => t.reset());

let ana: FactoryMember;
let ben: FactoryMember;
let cy: FactoryMember;

beforeEach(async () => {
  ana = await createMember({ name: "Ana Ferreira" });
  ben = await createMember({ name: "Ben Okafor" });
  cy = await createMember({ name: "Cy Twombly" });
});

describe("the request lists", () => {
  it("show incoming and outgoing pending requests, and settled ones in the history of both sides", async () => {
    await warmUp(ben.id, ana.id);
    await warmUp(ana.id, cy.id);
    const fromBen = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    await sendRequest(t.db, { requesterId: ana.id, input: { to: cy.handle, note: NOTE }, now: NOW });

    const incoming = await listRequests(t.db, { viewerId: ana.id, tab: "incoming", now: NOW });
    expect(incoming.items).toMatchObject([{ id: fromBen.requestId, direction: "incoming", member: { handle: ben.handle }, note: NOTE }]);
    const outgoing = await listRequests(t.db, { viewerId: ana.id, tab: "outgoing", now: NOW });
    expect(outgoing.items).toMatchObject([{ direction: "outgoing", member: { handle: cy.handle } }]);

    await declineRequest(t.db, { recipientId: ana.id, requestId: fromBen.requestId, input: { reason: "not_yet" }, now: NOW });
    expect((await listRequests(t.db, { viewerId: ana.id, tab: "incoming", now: NOW })).items).toHaveLength(0);
    expect((await listRequests(t.db, { viewerId: ben.id, tab: "history", now: NOW })).items).toMatchObject([
      { direction: "outgoing", status: "declined", declineReason: "not_yet", cooldownUntil: daysAfter(NOW, 14) },
    ]);
  });

  it("show a stale request as expired without writing, the job expires it, and hide a requester's history from members who blocked them", async () => {
    await warmUp(ben.id, ana.id);
    const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    const later = daysAfter(NOW, 30);
    expect((await listRequests(t.db, { viewerId: ana.id, tab: "incoming", now: later })).items).toHaveLength(0);
    expect((await listRequests(t.db, { viewerId: ben.id, tab: "history", now: later })).items).toMatchObject([{ status: "expired", decidedAt: later }]);
    expect(await findRequestForViewer(t.db, { viewerId: ana.id, requestId: sent.requestId, now: later })).toMatchObject({ status: "expired" });
    // Reading wrote nothing: the row is expired by the job (and by the write paths).
    expect(await t.db.connectionRequest.findUnique({ where: { id: sent.requestId }, select: { status: true } })).toEqual({ status: "pending" });
    expect(await expireRequests(t.db, { now: later })).toBe(1);
    expect(await t.db.connectionRequest.findUnique({ where: { id: sent.requestId }, select: { status: true } })).toEqual({ status: "expired" });

    await createBlock(ana.id, ben.id);
    expect((await listRequests(t.db, { viewerId: ben.id, tab: "history", now: NOW })).items).toHaveLength(0);
    expect(await findRequestForViewer(t.db, { viewerId: ben.id, requestId: sent.requestId, now: NOW })).toBeNull();
    // The blocker still sees their own history.
    expect((await listRequests(t.db, { viewerId: ana.id, tab: "history", now: NOW })).items).toHaveLength(1);
  });

  it("the review is for the two members only, with the snapshot", async () => {
    await warmUp(ben.id, ana.id);
    const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    const forAna = await findRequestForViewer(t.db, { viewerId: ana.id, requestId: sent.requestId, now: NOW });
    expect(forAna).toMatchObject({ viewerRole: "recipient", note: NOTE, requester: { handle: ben.handle } });
    expect(forAna?.snapshot?.evaluation.status).toBe("warm");
    expect((await findRequestForViewer(t.db, { viewerId: ben.id, requestId: sent.requestId, now: NOW }))?.viewerRole).toBe("requester");
    expect(await findRequestForViewer(t.db, { viewerId: cy.id, requestId: sent.requestId, now: NOW })).toBeNull();
  });
});

describe("connections and mutual connections", () => {
  it("search by name or handle, case-insensitively, on either side of the pair", async () => {
    await createConnection(ana.id, ben.id, { createdAt: daysAfter(NOW, -3) });
    await createConnection(cy.id, ana.id, { createdAt: daysAfter(NOW, -1) });
    expect((await listConnections(t.db, { viewerId: ana.id })).items.map((c) => c.id)).toEqual([cy.id, ben.id]);
    expect((await listConnections(t.db, { viewerId: ana.id, q: "okaf" })).items).toMatchObject([{ id: ben.id, since: daysAfter(NOW, -3) }]);
    expect((await listConnections(t.db, { viewerId: ana.id, q: `@${cy.handle.toUpperCase()}` })).items.map((c) => c.id)).toEqual([cy.id]);
    expect((await listConnections(t.db, { viewerId: ben.id })).total).toBe(1);

    const mutual = await findMutualConnections(t.db, { a: ben.id, b: cy.id });
    expect(mutual).toMatchObject({ total: 1, members: [{ id: ana.id }] });
    expect((await findMutualConnections(t.db, { a: ana.id, b: ben.id })).total).toBe(0);
  });
});

describe("notifications", () => {
  it("read in plain words, newest first, by cursor; mark all as read", async () => {
    await warmUp(ben.id, ana.id);
    const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    await acceptRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, now: daysAfter(NOW, 1) });
    const forBen = await listNotifications(t.db, { memberId: ben.id, take: 1 });
    expect(forBen.items).toMatchObject([{ type: "request_accepted", text: "Ana Ferreira accepted your request. You're connected now.", href: `/u/${ana.handle}`, read: false }]);
    expect(forBen.unread).toBeGreaterThanOrEqual(1);
    const forAna = await listNotifications(t.db, { memberId: ana.id });
    expect(forAna.items[0]).toMatchObject({ type: "request_received", text: "Ben Okafor asked to connect with you.", href: `/requests/${sent.requestId}` });

    expect(await markAllNotificationsRead(t.db, { memberId: ben.id, now: NOW })).toBe(forBen.unread);
    expect((await listNotifications(t.db, { memberId: ben.id })).unread).toBe(0);
    expect((await listNotifications(t.db, { memberId: ana.id })).unread).toBe(1);
  });

  it("pages by cursor without repeating or skipping, and renders unknown types sensibly", async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.notification.create({ data: { memberId: cy.id, type: i === 0 ? "something_new" : "became_warm", data: { handle: ben.handle, name: ben.name }, createdAt: daysAfter(NOW, i) } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listNotifications>> = await listNotifications(t.db, { memberId: cy.id, take: 2, cursor });
      seen.push(...page.items.map((n) => n.text));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(seen[0]).toBe("You're warmed up with Ben Okafor — you can send a connection request.");
    expect(seen[4]).toBe("Something happened on Rapport.");
  });
});

describe("the profile's relationship facts", () => {
  it("say what the panel shows: status, the pending request and its date, the decline and the budget", async () => {
    await warmUp(ben.id, ana.id);
    expect((await loadRelationship(t.db, { viewerId: ben.id, otherId: ana.id, now: NOW, settings: await getAppSettings(t.db) }))?.evaluation.status).toBe("warm");
    const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    const requested = await loadRelationship(t.db, { viewerId: ben.id, otherId: ana.id, now: NOW, settings: await getAppSettings(t.db) });
    expect(requested).toMatchObject({ evaluation: { status: "requested" }, pending: { id: sent.requestId, direction: "outgoing", createdAt: NOW } });
    expect(requested?.budget).toMatchObject({ sentThisWeek: 1, pendingOutgoing: 1, weeklyFreesAt: null });
    expect((await loadRelationship(t.db, { viewerId: ana.id, otherId: ben.id, now: NOW, settings: await getAppSettings(t.db) }))?.pending?.direction).toBe("incoming");

    await declineRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, input: { reason: "no" }, now: NOW });
    const declined = await loadRelationship(t.db, { viewerId: ben.id, otherId: ana.id, now: NOW, settings: await getAppSettings(t.db) });
    expect(declined).toMatchObject({ evaluation: { status: "cooldown" }, pending: null, lastDecline: { reason: "no", cooldownUntil: daysAfter(NOW, 90) } });
  });

  it("the Connect lock tells the truth about what the send refuses beyond the warm-up: an unconfirmed email, a member suspended or leaving", async () => {
    await warmUp(ben.id, ana.id);
    const settings = await getAppSettings(t.db);
    const standing = async () => {
      const r = (await loadRelationship(t.db, { viewerId: ben.id, otherId: ana.id, now: NOW, settings }))!;
      return { status: r.evaluation.status, barrier: r.barrier, lock: lockReasonOf(r, "Ana") };
    };
    const send = () => sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW }).then(() => "sent", (e: { code: string }) => e.code);
    const set = (id: string, data: Record<string, unknown>) => t.db.member.update({ where: { id }, data });

    expect(await standing()).toEqual({ status: "warm", barrier: null, lock: null });
    await set(ben.id, { emailVerifiedAt: null });
    expect(await standing()).toMatchObject({ status: "warm", barrier: "email_unverified", lock: expect.stringMatching(/confirm your email/) });
    expect(await send()).toBe("email_unverified");
    await set(ben.id, { emailVerifiedAt: NOW });
    await set(ana.id, { suspendedAt: daysAfter(NOW, -1), suspendedUntil: daysAfter(NOW, 3) });
    expect(await standing()).toMatchObject({ barrier: "unavailable", lock: "Ana isn't taking connection requests right now." });
    expect(await send()).toBe("not_found");
    await set(ana.id, { suspendedAt: null, suspendedUntil: null, deleteAt: daysAfter(NOW, 14) });
    expect(await standing()).toMatchObject({ barrier: "leaving", lock: expect.stringMatching(/is leaving Rapport/) });
    expect(await send()).toBe("leaving");
    await set(ana.id, { deleteAt: null });
    expect(await standing()).toEqual({ status: "warm", barrier: null, lock: null });
    expect(await send()).toBe("sent");
  });

  it(`a pair's history lists the latest ${PAIR_HISTORY_SHOWN} and says older ones were left out only when there are any`, async () => {
    const add = (n: number, from: number) =>
      t.db.interaction.createMany({
        data: Array.from({ length: n }, (_, i) => ({
          actorId: ben.id, targetId: ana.id, kind: "reaction", source: "observed", weight: 1, verification: "verified",
          occurredAt: new Date(NOW.getTime() - (from + i) * 60_000), sourceKey: `test:history:${from + i}`,
        })),
      });
    const shown = () => loadShownPairHistory(t.db, { viewerId: ben.id, otherId: ana.id, now: NOW, settings: DEFAULT_APP_SETTINGS });
    await add(PAIR_HISTORY_SHOWN, 0);
    expect(await shown()).toMatchObject({ items: expect.any(Array), olderLeftOut: false });
    expect((await shown()).items).toHaveLength(PAIR_HISTORY_SHOWN);
    await add(1, PAIR_HISTORY_SHOWN);
    const more = await shown();
    expect({ n: more.items.length, olderLeftOut: more.olderLeftOut }).toEqual({ n: PAIR_HISTORY_SHOWN, olderLeftOut: true });
    expect(more.items[0].occurredAt).toBe(NOW.toISOString()); // the newest kept, the oldest left out
  });

  it("lists a member who is leaving with that, not a next step or a note to send — whether their summary is stored or due", async () => {
    await warmUp(ben.id, ana.id); // Ben is warm toward Ana
    await createInteraction({ actorId: ben.id, targetId: cy.id, kind: "comment", occurredAt: daysAfter(NOW, -1) }); // warming toward Cy
    await refreshAllDueSummaries(t.db, { now: NOW });
    await t.db.member.updateMany({ where: { id: { in: [ana.id, cy.id] } }, data: { deleteAt: daysAfter(NOW, 14) } });
    const settings = await getAppSettings(t.db);
    const steps = async () => {
      const d = await loadDashboard(t.db, { viewerId: ben.id, now: NOW, settings });
      return [...d.ready, ...d.warming].map((r) => [r.member.handle, r.member.leaving, r.nextStep]);
    };
    const leavingSteps = [
      [ana.handle, true, "Ana is leaving Rapport, so they aren't taking new connection requests."],
      [cy.handle, true, "Cy is leaving Rapport, so they aren't taking new connection requests."],
    ];
    expect(await steps()).toEqual(leavingSteps); // stored summaries
    await markPairsStale(t.db, { pairs: [[ben.id, ana.id], [ben.id, cy.id]] });
    expect(await steps()).toEqual(leavingSteps); // due, evaluated afresh
  });

  it("the dashboard sorts people into incoming, ready, warming and waiting", async () => {
    await warmUp(ben.id, ana.id);
    await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    await warmUp(ana.id, cy.id);
    const d = await loadDashboard(t.db, { viewerId: ana.id, now: NOW, settings: await getAppSettings(t.db) });
    expect(d.incoming.map((r) => r.member.id)).toEqual([ben.id]);
    expect(d.ready.map((r) => r.member.id)).toEqual([cy.id]);
    expect(d.warming).toEqual([]);
    expect(d.activity.map((n) => n.text)).toEqual(["Ben Okafor asked to connect with you."]);
    const forBen = await loadDashboard(t.db, { viewerId: ben.id, now: NOW, settings: await getAppSettings(t.db) });
    expect(forBen.outgoing.map((r) => r.member.id)).toEqual([ana.id]);
  });

  it("count waiting requests both ways and unread notifications in one read, leaving out expired and answered requests", async () => {
    await warmUp(ben.id, ana.id);
    await warmUp(cy.id, ana.id);
    await warmUp(ana.id, cy.id);
    const fromBen = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
    await sendRequest(t.db, { requesterId: cy.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    expect(await memberCounts(t.db, { memberId: ana.id, now: NOW })).toEqual({ incoming: 2, outgoing: 0, unread: 2 });
    expect(await memberCounts(t.db, { memberId: ben.id, now: NOW })).toEqual({ incoming: 0, outgoing: 1, unread: 0 });

    await declineRequest(t.db, { recipientId: ana.id, requestId: fromBen.requestId, input: { reason: "no" }, now: NOW });
    await markAllNotificationsRead(t.db, { memberId: ana.id, now: NOW });
    expect(await memberCounts(t.db, { memberId: ana.id, now: NOW })).toEqual({ incoming: 1, outgoing: 0, unread: 0 });
    // A day after Cy's request expires it is no longer waiting, before the expiry job runs.
    expect(await memberCounts(t.db, { memberId: ana.id, now: daysAfter(NOW, 31) })).toMatchObject({ incoming: 0 });
    expect(await memberCounts(t.db, { memberId: cy.id, now: daysAfter(NOW, 31) })).toMatchObject({ outgoing: 0 });
    const d = await loadDashboard(t.db, { viewerId: ana.id, now: NOW, settings: await getAppSettings(t.db) });
    expect(d.pending).toEqual({ incoming: 1, outgoing: 0 });
  });
});
