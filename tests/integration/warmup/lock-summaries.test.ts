import { describe, expect, it } from "vitest";
import { directedKey } from "@/lib/server/queries/pair-inputs";
import { bothWays, lockSummaries, refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";
import { createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOW } from "../requests/helpers";

const t = useTestDatabase();

const rowsOf = (a: string, b: string) =>
  t.db.relationshipSummary.count({ where: { OR: [{ requesterId: a, recipientId: b }, { requesterId: b, recipientId: a }] } });

describe("locking a pair's summaries (lockSummaries)", () => {
  it("creates missing rows as stale placeholders, and returns existing ones as last written", async () => {
    const a = await createMember();
    const b = await createMember();
    const pairs = bothWays([[a.id, b.id]]);
    await t.db.relationshipSummary.deleteMany({ where: { OR: [{ requesterId: a.id }, { requesterId: b.id }] } });

    const made = await t.db.$transaction((tx) => lockSummaries(tx, { pairs, now: NOW }));
    expect([...made.keys()].sort()).toEqual([directedKey(a.id, b.id), directedKey(b.id, a.id)].sort());
    expect([...made.values()].every((s) => !s.fresh && s.status === "cold")).toBe(true);

    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));
    const locked = await t.db.$transaction((tx) => lockSummaries(tx, { pairs, now: NOW }));
    expect(await rowsOf(a.id, b.id)).toBe(2);
    expect(locked.get(directedKey(a.id, b.id))).toMatchObject({ status: "warming", fresh: true });
  });

  it("with one row of a pair missing, creates it and returns both", async () => {
    const a = await createMember();
    const b = await createMember();
    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));
    await t.db.relationshipSummary.deleteMany({ where: { requesterId: b.id, recipientId: a.id } });

    const locked = await t.db.$transaction((tx) => lockSummaries(tx, { pairs: bothWays([[a.id, b.id]]), now: NOW }));
    expect(locked.get(directedKey(a.id, b.id))).toMatchObject({ status: "warming", fresh: true });
    expect(locked.get(directedKey(b.id, a.id))).toMatchObject({ status: "cold", fresh: false });
    expect(await rowsOf(a.id, b.id)).toBe(2);
  });
});
