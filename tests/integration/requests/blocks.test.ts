import { beforeEach, describe, expect, it } from "vitest";
import { blockMember } from "@/lib/server/services/blocks/block";
import { unblockMember } from "@/lib/server/services/blocks/unblock";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { findProfile } from "@/lib/server/queries/profile";
import { createMember } from "@/tests/factories/members";
import { createConnection } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, expectRefused, warmUp } from "./helpers";

const t = useTestDatabase();
beforeEach(() => t.reset());

describe("blocking", () => {
  it("withdraws a pending request in either direction, in the same step", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await warmUp(ben.id, ana.id);
    await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    // The recipient blocks: the request the blocked member sent is withdrawn, without a cooldown.
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    expect(await t.db.connectionRequest.findFirstOrThrow()).toMatchObject({ status: "withdrawn", pendingPairKey: null, cooldownUntil: null });
    expect(await t.db.block.findMany()).toMatchObject([{ blockerId: ana.id, blockedId: ben.id }]);
    const actions = (await t.db.auditEvent.findMany({ where: { actorId: ana.id } })).map((a) => a.action).sort();
    expect(actions).toEqual(["member.blocked", "request.withdrawn"]);
    // The blocked member is not told.
    expect(await t.db.notification.count({ where: { memberId: ben.id } })).toBe(0);

    // And the other way round: the requester blocks the member they had asked.
    const cy = await createMember();
    await warmUp(cy.id, ana.id);
    await sendRequest(t.db, { requesterId: cy.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    await blockMember(t.db, { blockerId: cy.id, input: { handle: ana.handle }, now: NOW });
    expect(await t.db.connectionRequest.count({ where: { requesterId: cy.id, status: "withdrawn" } })).toBe(1);
    expect(await t.db.connectionRequest.count({ where: { status: "pending" } })).toBe(0);
  });

  it("removes the connection, and the blocked member can neither see nor ask", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await createConnection(ben.id, ana.id);
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    expect(await t.db.connection.count()).toBe(0);

    expect(await findProfile(t.db, { handle: ana.handle, viewerId: ben.id })).toBeNull();
    const blocker = await findProfile(t.db, { handle: ben.handle, viewerId: ana.id });
    expect(blocker?.blockedByViewer).toBe(true);
    await warmUp(ben.id, ana.id);
    await expectRefused(t.db, () => sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW }), "not_found");
    await expectRefused(t.db, () => sendRequest(t.db, { requesterId: ana.id, input: { to: ben.handle, note: NOTE }, now: NOW }), "not_found");
  });

  it("is idempotent; yourself or an unknown handle are refused", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    expect(await t.db.block.count()).toBe(1);
    await expectRefused(t.db, () => blockMember(t.db, { blockerId: ana.id, input: { handle: ana.handle }, now: new Date() }), "self");
    await expectRefused(t.db, () => blockMember(t.db, { blockerId: ana.id, input: { handle: "nobody_here" }, now: new Date() }), "not_found");
  });

  it("unblock lifts only your own block; what the block ended stays ended", async () => {
    const ben = await createMember();
    const ana = await createMember();
    await createConnection(ben.id, ana.id);
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    await expectRefused(t.db, () => unblockMember(t.db, { blockerId: ben.id, input: { handle: ana.handle }, now: new Date() }), "not_found");
    await unblockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    expect(await t.db.block.count()).toBe(0);
    expect(await t.db.connection.count()).toBe(0);
    expect(await findProfile(t.db, { handle: ana.handle, viewerId: ben.id })).not.toBeNull();
  });
});
