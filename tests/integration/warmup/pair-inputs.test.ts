import { beforeAll, describe, expect, it } from "vitest";
import { directedKey, loadPairInputs } from "@/lib/server/queries/pair-inputs";
import { loadWarmupInputs } from "@/lib/server/queries/warmup-inputs";
import { loadPolicy } from "@/lib/server/queries/policy";
import { getAppSettings } from "@/lib/server/settings";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createBlock, createConnection, createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOW, daysAfter } from "../requests/helpers";

const t = useTestDatabase();

/** Interactions in any order: the engine does not care, the two reads need not agree on it. */
const byId = <T extends { interactions: { id: string }[] }>(input: T) => ({
  ...input,
  interactions: [...input.interactions].sort((a, b) => a.id.localeCompare(b.id)),
});

describe("the bulk read of pairs' inputs (loadPairInputs)", () => {
  let viewer: FactoryMember;
  const others: Record<string, FactoryMember> = {};

  beforeAll(async () => {
    viewer = await createMember({ createdAt: daysAfter(NOW, -400) });
    // Every policy field away from its default, so a column the raw read names wrongly shows.
    others.custom = await createMember({
      name: "Custom Policy",
      headline: "Likes, commas; and \"quotes\"",
      policy: {
        preset: "custom",
        minPoints: 9,
        minInteractions: 4,
        minDistinctDays: 3,
        minSpanDays: 5,
        requireConversation: false,
        requireReciprocity: true,
        freshnessDays: 45,
        dailyPointCap: 4,
        pendingLoggedCounts: "full",
        allowIntroductions: false,
        minAccountAgeDays: 30,
      },
    });
    others.strict = await createMember({ policy: { preset: "strict" } });
    others.noRow = await createMember({ policy: null });
    others.closed = await createMember({ policy: { preset: "closed" } });
    others.connected = await createMember();
    others.blocked = await createMember();
    others.old = await createMember(); // only an interaction older than any window
    others.pendingOnly = await createMember(); // no interaction, but a pending request to them

    const kinds = ["comment", "kudos", "reaction", "logged_reply", "mention"] as const;
    let n = 0;
    for (const key of ["custom", "strict", "noRow", "closed", "connected", "blocked"]) {
      for (const [i, kind] of kinds.entries()) {
        await createInteraction({ actorId: viewer.id, targetId: others[key].id, kind, occurredAt: daysAfter(NOW, -1 - i * 3), verification: kind === "logged_reply" ? "pending" : "verified", source: kind === "logged_reply" ? "logged" : "observed" });
        if (n++ % 2 === 0) await createInteraction({ actorId: others[key].id, targetId: viewer.id, kind: "comment", occurredAt: daysAfter(NOW, -2 - i) });
      }
    }
    await createInteraction({ actorId: viewer.id, targetId: others.old.id, occurredAt: daysAfter(NOW, -400) });
    await createConnection(viewer.id, others.connected.id);
    await createBlock(others.blocked.id, viewer.id);
    await t.db.connectionRequest.create({
      data: { requesterId: viewer.id, recipientId: others.pendingOnly.id, note: "x".repeat(40), snapshot: {}, status: "pending", pendingPairKey: [viewer.id, others.pendingOnly.id].sort().join(":"), createdAt: daysAfter(NOW, -2), expiresAt: daysAfter(NOW, 28) },
    });
    await t.db.connectionRequest.create({
      data: { requesterId: viewer.id, recipientId: others.strict.id, note: "y".repeat(40), snapshot: {}, status: "declined", declineReason: "not_yet", createdAt: daysAfter(NOW, -20), expiresAt: daysAfter(NOW, 10), cooldownUntil: daysAfter(NOW, 10) },
    });
  });

  const keys = ["custom", "strict", "noRow", "closed", "connected", "blocked", "pendingOnly"];

  it("gives every pair the same evaluation input as the per-pair read, in database order", async () => {
    const settings = await getAppSettings(t.db);
    const { inputs } = await loadPairInputs(t.db, { pairs: keys.map((k) => [viewer.id, others[k].id] as const), now: NOW });
    const perPair = await loadWarmupInputs(t.db, { viewerId: viewer.id, otherIds: keys.map((k) => others[k].id), role: "requester", now: NOW, settings });
    expect(perPair.size).toBe(keys.length);
    expect(inputs.size).toBe(keys.length);
    for (const [id, input] of perPair) {
      const { weights, ...bulk } = inputs.get(directedKey(viewer.id, id))!.input;
      expect(weights).toEqual(settings.weights);
      expect(byId(bulk)).toEqual(byId(input));
      const times = bulk.interactions.map((i) => `${i.occurredAt.toISOString()} ${i.id}`);
      expect(times).toEqual([...times].sort());
    }
    const at = (k: string) => inputs.get(directedKey(viewer.id, others[k].id))!;
    expect(at("custom").input.policy).toMatchObject({ preset: "custom", minPoints: 9, requireReciprocity: true, pendingLoggedCounts: "full", freshnessDays: 45, minAccountAgeDays: 30 });
    // The read names the policy columns in SQL; Prisma's own read is the reference.
    for (const key of ["custom", "strict", "noRow", "closed"]) expect(at(key).input.policy).toEqual(await loadPolicy(t.db, { memberId: others[key].id, settings }));
    expect(at("connected").input.relation.connected).toBe(true);
    expect(at("blocked").input.relation.blocked).toBe(true);
    expect(at("pendingOnly").input.relation.pendingOutgoing).toBe(true);
    expect(at("pendingOnly").changesAt).toEqual([daysAfter(NOW, 28)]);
    expect(at("strict").input.relation.cooldownUntil).toEqual(daysAfter(NOW, 10));
    expect(at("custom").recipient).toEqual({ id: others.custom.id, handle: others.custom.handle, name: "Custom Policy", headline: 'Likes, commas; and "quotes"', leaving: false });
  });

  it("reads interactions packed exactly as stored, to the millisecond", async () => {
    const odd = await createInteraction({ actorId: viewer.id, targetId: others.custom.id, occurredAt: new Date("2027-03-09T23:59:59.999Z") });
    const { inputs } = await loadPairInputs(t.db, { pairs: [[viewer.id, others.custom.id]], now: NOW });
    const packed = inputs.get(directedKey(viewer.id, others.custom.id))!.input.interactions;
    const rows = await t.db.interaction.findMany({
      where: { OR: [{ actorId: viewer.id, targetId: others.custom.id }, { actorId: others.custom.id, targetId: viewer.id }] },
      select: { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true },
    });
    expect(packed.length).toBeGreaterThan(5);
    expect([...packed].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
    expect(packed.find((i) => i.id === odd.id)?.occurredAt).toEqual(new Date("2027-03-09T23:59:59.999Z"));
    await t.db.interaction.delete({ where: { id: odd.id } });
  });

  it("is empty for no pairs, and leaves out a member who is gone", async () => {
    expect((await loadPairInputs(t.db, { pairs: [], now: NOW })).inputs.size).toBe(0);
    expect((await loadPairInputs(t.db, { pairs: [[viewer.id, "no-such-member"]], now: NOW })).inputs.size).toBe(0);
  });
});
