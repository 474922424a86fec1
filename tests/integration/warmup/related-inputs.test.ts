import { beforeAll, describe, expect, it } from "vitest";
import { loadRelatedInputs, loadWarmupInputs, readViewerInteractions } from "@/lib/server/queries/warmup-inputs";
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

describe("the dashboard's network read (loadRelatedInputs)", () => {
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
    others.old = await createMember(); // only an interaction older than any window: not related
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

  it("finds exactly the related members, with their display fields", async () => {
    const { inputs, members } = await loadRelatedInputs(t.db, { viewerId: viewer.id, now: NOW });
    const expected = ["custom", "strict", "noRow", "closed", "connected", "blocked", "pendingOnly"].map((k) => others[k].id).sort();
    expect([...inputs.keys()].sort()).toEqual(expected);
    expect([...members.keys()].sort()).toEqual(expected);
    expect(members.get(others.custom.id)).toEqual({ id: others.custom.id, handle: others.custom.handle, name: "Custom Policy", headline: 'Likes, commas; and "quotes"' });
  });

  it("gives every related member the same evaluation input as the per-pair read", async () => {
    const settings = await getAppSettings(t.db);
    const { inputs } = await loadRelatedInputs(t.db, { viewerId: viewer.id, now: NOW, settings });
    const perPair = await loadWarmupInputs(t.db, { viewerId: viewer.id, otherIds: [...inputs.keys()], role: "requester", now: NOW, settings });
    expect(perPair.size).toBe(inputs.size);
    for (const [id, input] of perPair) expect(byId(inputs.get(id)!)).toEqual(byId(input));
    // The facts the comparison rests on really vary.
    const custom = inputs.get(others.custom.id)!;
    expect(custom.policy).toMatchObject({ preset: "custom", minPoints: 9, requireReciprocity: true, pendingLoggedCounts: "full", freshnessDays: 45, minAccountAgeDays: 30 });
    // Both reads name the policy columns in SQL; Prisma's own read is the reference.
    for (const key of ["custom", "strict", "noRow", "closed"]) expect(inputs.get(others[key].id)!.policy).toEqual(await loadPolicy(t.db, { memberId: others[key].id, settings }));
    expect(inputs.get(others.connected.id)!.relation.connected).toBe(true);
    expect(inputs.get(others.blocked.id)!.relation.blocked).toBe(true);
    expect(inputs.get(others.pendingOnly.id)!.relation.pendingOutgoing).toBe(true);
    expect(inputs.get(others.strict.id)!.relation.cooldownUntil).toEqual(daysAfter(NOW, 10));
  });

  it("reads interactions packed exactly as stored, to the millisecond", async () => {
    const since = daysAfter(NOW, -366);
    const packed = await readViewerInteractions(t.db, viewer.id, since);
    const rows = await t.db.interaction.findMany({
      where: { occurredAt: { gte: since }, OR: [{ actorId: viewer.id }, { targetId: viewer.id }] },
      select: { id: true, actorId: true, targetId: true, kind: true, source: true, weight: true, occurredAt: true, verification: true },
    });
    expect(packed.length).toBeGreaterThan(30);
    expect([...packed].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
    const odd = await createInteraction({ actorId: viewer.id, targetId: others.custom.id, occurredAt: new Date("2027-03-09T23:59:59.999Z") });
    expect((await readViewerInteractions(t.db, viewer.id, since)).find((i) => i.id === odd.id)?.occurredAt).toEqual(new Date("2027-03-09T23:59:59.999Z"));
    await t.db.interaction.delete({ where: { id: odd.id } });
  });

  it("is empty for a member with no network", async () => {
    const loner = await createMember();
    const { inputs, members } = await loadRelatedInputs(t.db, { viewerId: loner.id, now: NOW });
    expect(inputs.size).toBe(0);
    expect(members.size).toBe(0);
    expect(await readViewerInteractions(t.db, loner.id, daysAfter(NOW, -366))).toEqual([]);
  });
});
