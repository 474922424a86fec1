import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { loadPolicy } from "@/lib/server/queries/policy";
import { protocolPreview } from "@/lib/server/queries/protocol-preview";
import { draftPolicy, parsePolicyUpdate, updatePolicy } from "@/lib/server/services/policy/update-policy";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { getAppSettings } from "@/lib/server/settings";
import { describePolicy } from "@/lib/warmup/describe";
import { createMember } from "@/tests/factories/members";
import { createBlock, createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
beforeEach(() => t.reset());

const NOW = new Date("2027-03-10T12:00:00.000Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("my protocol", () => {
  it("a member without a saved protocol is judged by the standard preset", async () => {
    const ana = await createMember({ policy: null });
    const policy = await loadPolicy(t.db, { memberId: ana.id, settings: await getAppSettings(t.db) });
    expect(policy.preset).toBe("standard");
    expect(describePolicy(policy)).toBe("To connect with me: at least 2 interactions worth at least 6 points on 2 different days, including a real conversation.");
  });

  it("refuses custom values outside the bounds, naming each field, and saves nothing", async () => {
    const ana = await createMember();
    const e = await refusal(() =>
      updatePolicy(t.db, { memberId: ana.id, input: { preset: "custom", minPoints: 101, minInteractions: -1, minDistinctDays: 2, minSpanDays: 0, requireConversation: true, requireReciprocity: false }, now: new Date() }),
    );
    expect(e.code).toBe("validation");
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(["minInteractions", "minPoints"]);
    expect(e.fields?.minPoints?.[0]).toMatch(/between 0 and 100/);
    expect((await loadPolicy(t.db, { memberId: ana.id, settings: await getAppSettings(t.db) })).preset).toBe("standard");
  });

  it("refuses an unknown preset and a custom protocol missing its criteria", async () => {
    const ana = await createMember();
    expect((await refusal(() => updatePolicy(t.db, { memberId: ana.id, input: { preset: "lenient" } as never, now: new Date() }))).code).toBe("validation");
    const e = await refusal(() => updatePolicy(t.db, { memberId: ana.id, input: { preset: "custom", minPoints: 3 } as never, now: new Date() }));
    expect(Object.keys(e.fields ?? {})).toContain("minInteractions");
  });

  it("a saved protocol applies to the very next evaluation", async () => {
    const ana = await createMember();
    const ben = await createMember();
    await createInteraction({ actorId: ben.id, targetId: ana.id, kind: "comment", occurredAt: daysAgo(1) });
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))?.status).toBe("warming");
    await updatePolicy(t.db, { memberId: ana.id, input: { preset: "friendly" }, now: NOW });
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))?.status).toBe("warm");
    await updatePolicy(t.db, { memberId: ana.id, input: { preset: "closed" }, now: NOW });
    expect((await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))?.status).toBe("closed");
  });
});

describe("the live preview", () => {
  it("judges the people warming up to me under the draft rules, beside the rules in force, without saving", async () => {
    const ana = await createMember();
    const ben = await createMember({ name: "Ben" });
    const cleo = await createMember({ name: "Cleo" });
    // Ben: one comment → warming under standard, warm under friendly.
    await createInteraction({ actorId: ben.id, targetId: ana.id, kind: "comment", occurredAt: daysAgo(2) });
    // Cleo: comments on two days → warm under standard, warming under strict.
    await createInteraction({ actorId: cleo.id, targetId: ana.id, kind: "comment", occurredAt: daysAgo(3) });
    await createInteraction({ actorId: cleo.id, targetId: ana.id, kind: "comment", occurredAt: daysAgo(1) });

    const current = await loadPolicy(t.db, { memberId: ana.id, settings: await getAppSettings(t.db) });
    const settings = await getAppSettings(t.db);
    const friendly = draftPolicy(null, parsePolicyUpdate({ preset: "friendly" }), settings);
    const strict = draftPolicy(null, parsePolicyUpdate({ preset: "strict" }), settings);

    const byName = async (draft: typeof current) =>
      Object.fromEntries((await protocolPreview(t.db, { memberId: ana.id, current, draft, now: NOW })).map((r) => [r.name, [r.statusNow, r.statusDraft]]));
    expect(await byName(friendly)).toEqual({ Ben: ["warming", "warm"], Cleo: ["warm", "warm"] });
    expect(await byName(strict)).toEqual({ Ben: ["warming", "warming"], Cleo: ["warm", "warming"] });
    expect((await loadPolicy(t.db, { memberId: ana.id, settings: await getAppSettings(t.db) })).preset).toBe("standard");
  });

  it("never shows a member in a block with me, either way — not who blocked me, not whom I blocked", async () => {
    const ana = await createMember();
    const [ben, cleo, dee] = await Promise.all([createMember({ name: "Ben" }), createMember({ name: "Cleo" }), createMember({ name: "Dee" })]);
    for (const m of [ben, cleo, dee]) await createInteraction({ actorId: m.id, targetId: ana.id, kind: "comment", occurredAt: daysAgo(2) });
    await t.db.connectionRequest.create({ data: { requesterId: cleo.id, recipientId: ana.id, note: "Hello from the meetup, it was good to talk.", status: "pending", snapshot: {}, expiresAt: daysAgo(-20), createdAt: daysAgo(1) } });
    await createBlock(cleo.id, ana.id); // Cleo blocked Ana: Ana must not learn it here
    await createBlock(ana.id, dee.id);
    const settings = await getAppSettings(t.db);
    const current = await loadPolicy(t.db, { memberId: ana.id, settings });
    const rows = await protocolPreview(t.db, { memberId: ana.id, current, draft: current, now: NOW });
    expect(rows.map((r) => r.name)).toEqual(["Ben"]);
  });

  it("switching to a preset keeps my custom values for when I switch back", async () => {
    const ana = await createMember();
    await updatePolicy(t.db, { memberId: ana.id, input: { preset: "custom", minPoints: 9, minInteractions: 3, minDistinctDays: 2, minSpanDays: 5, requireConversation: true, requireReciprocity: false }, now: new Date() });
    await updatePolicy(t.db, { memberId: ana.id, input: { preset: "open" }, now: new Date() });
    const row = await t.db.policy.findUniqueOrThrow({ where: { memberId: ana.id } });
    expect(row).toMatchObject({ preset: "open", minPoints: 9, minInteractions: 3, minSpanDays: 5 });
    expect((await loadPolicy(t.db, { memberId: ana.id, settings: await getAppSettings(t.db) })).minPoints).toBe(0); // open is in force
  });
});
