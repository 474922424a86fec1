import { beforeEach, describe, expect, it } from "vitest";
import { outcome } from "@/tests/support/outcome";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { createMember } from "@/tests/factories/members";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, daysAfter, setAppSettings, warmUp } from "./helpers";

// PGlite has one connection, so nothing runs concurrently there: these need a PostgreSQL server.
const onServer = Boolean(serverUrl());
const t = useTestDatabase();
beforeEach(() => t.reset());

describe.skipIf(!onServer)("under concurrent requests (PostgreSQL)", () => {
  it("two sends to the same member at once store one request", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await warmUp(ben.id, ana.id);
    const results = await Promise.all(Array.from({ length: 4 }, () => outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every((r) => r === "duplicate_pending")).toBe(true);
    expect(await t.db.connectionRequest.count()).toBe(1);
  });

  it("crossing sends (A→B and B→A at once) end in one connection or one request, never two pending", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await warmUp(ben.id, ana.id);
    await warmUp(ana.id, ben.id);
    await Promise.all([
      outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })),
      outcome(sendRequest(t.db, { requesterId: ana.id, input: { to: ben.handle, note: NOTE }, now: NOW })),
    ]);
    expect(await t.db.connectionRequest.count({ where: { status: "pending" } })).toBe(0);
    expect(await t.db.connection.count()).toBe(1);
  });

  it("the weekly limit holds when one member sends many at once", async () => {
    await setAppSettings(t.db, { requests: { weeklyLimit: 3 } });
    const ben = await createMember();
    const others = await Promise.all(Array.from({ length: 8 }, () => createMember()));
    for (const o of others) await warmUp(ben.id, o.id);
    const results = await Promise.all(others.map((o) => outcome(sendRequest(t.db, { requesterId: ben.id, input: { to: o.handle, note: NOTE }, now: NOW }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    expect(results.filter((r) => r === "weekly_limit")).toHaveLength(5);
    expect(await t.db.connectionRequest.count()).toBe(3);
  });

  it("accept racing withdraw has exactly one outcome", async () => {
    for (let i = 0; i < 5; i++) {
      const ben = await createMember();
      const ana = await createMember();
      await warmUp(ben.id, ana.id);
      const sent = (await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW })) as { requestId: string };
      const [accepted, withdrawn] = await Promise.all([
        outcome(acceptRequest(t.db, { recipientId: ana.id, requestId: sent.requestId, now: daysAfter(NOW, 1) })),
        outcome(withdrawRequest(t.db, { requesterId: ben.id, requestId: sent.requestId, now: daysAfter(NOW, 1) })),
      ]);
      expect([accepted, withdrawn].sort()).toEqual(["conflict", "ok"]);
      const row = await t.db.connectionRequest.findUniqueOrThrow({ where: { id: sent.requestId } });
      const connected = await t.db.connection.count({ where: { OR: [{ memberAId: ben.id }, { memberBId: ben.id }] } });
      expect(row.status === "accepted" ? connected : 1 - connected).toBe(1);
      expect(row.status).toBe(accepted === "ok" ? "accepted" : "withdrawn");
    }
  });
});
