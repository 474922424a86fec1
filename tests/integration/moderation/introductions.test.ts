import { beforeEach, describe, expect, it } from "vitest";
import { getAppSettings } from "@/lib/server/settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember, type FactoryMember, type PolicyAttrs } from "@/tests/factories/members";
import { createBlock, createConnection } from "@/tests/factories/relations";
import { AppError } from "@/lib/server/errors";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { eligibleIntroductionTargets, introductionsBetween, introductionsOf } from "@/lib/server/queries/introductions";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { DAY } from "@/lib/warmup/time";

const t = useTestDatabase();
const NOW = new Date("2027-03-10T12:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const NOTE = "Ana wrote the indexing guide you liked — you two should compare notes.";

let dev: FactoryMember, ana: FactoryMember, ben: FactoryMember;

/** Dev knows both Ana and Ben; Ana and Ben have never talked. */
async function circle(benPolicy: PolicyAttrs = {}) {
  dev = await createMember({ handle: "dev_i", name: "Dev Raman" });
  ana = await createMember({ handle: "ana_i", name: "Ana Ferreira" });
  ben = await createMember({ handle: "ben_i", name: "Ben Okafor", policy: benPolicy });
  await createConnection(dev.id, ana.id);
  await createConnection(dev.id, ben.id);
}

const intro = (by: string, a: string, b: string, now = NOW, note = NOTE) =>
  introduce(t.db, { introducerId: by, input: { introducedHandle: a, introducedToHandle: b, note }, now });

async function refused(run: () => Promise<unknown>, code: string): Promise<AppError> {
  const before = await Promise.all([t.db.introduction.count(), t.db.interaction.count(), t.db.notification.count()]);
  const e = await run().then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect(await Promise.all([t.db.introduction.count(), t.db.interaction.count(), t.db.notification.count()])).toEqual(before);
  return e as AppError;
}

const criterion = async (key: string) => (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ana.id, otherId: ben.id, now: NOW }))!.criteria.find((c) => c.key === key);

describe("introducing A to B", () => {
  beforeEach(() => t.reset());

  it("stores the introduction with a verified interaction from A toward B, and tells B and A", async () => {
    await circle();
    const result = await intro(dev.id, "ana_i", "@Ben_I");
    const row = await t.db.introduction.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ introducerId: dev.id, introducedId: ana.id, introducedToId: ben.id, note: NOTE });
    const interaction = await t.db.interaction.findUniqueOrThrow({ where: { sourceKey: `introduction:${row.id}` } });
    expect(interaction).toMatchObject({
      actorId: ana.id,
      targetId: ben.id,
      kind: "introduction",
      source: "introduction",
      verification: "verified",
      weight: 5,
      introductionId: row.id,
      occurredAt: NOW,
    });
    const toBen = await t.db.notification.findFirstOrThrow({ where: { memberId: ben.id, type: "introduced" } });
    expect(toBen.data).toMatchObject({ introductionId: row.id, member: { handle: "ana_i" }, by: { handle: "dev_i" }, note: NOTE });
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "introduced" } })).toBe(1);
    expect(await t.db.notification.count({ where: { memberId: dev.id } })).toBe(0);
  });

  it("adds 5 points and satisfies “conversation” when B's protocol allows introductions", async () => {
    await circle({ allowIntroductions: true });
    expect(await criterion("points")).toMatchObject({ current: 0 });
    expect(await criterion("conversation")).toMatchObject({ met: false });
    await intro(dev.id, "ana_i", "ben_i");
    expect(await criterion("points")).toMatchObject({ current: 5 });
    expect(await criterion("conversation")).toMatchObject({ met: true });
  });

  it("shows but contributes nothing when B turned introductions off (reason introductions_off)", async () => {
    await circle({ allowIntroductions: false });
    const { id } = await intro(dev.id, "ana_i", "ben_i");
    const listed = await introductionsOf(t.db, { introducedId: ana.id, introducedToId: ben.id, viewerId: ben.id });
    expect(listed.map((i) => [i.id, i.introducer.handle, i.note])).toEqual([[id, "dev_i", NOTE]]);
    // The profile panel's read: the same introduction, on the right side for each of the two.
    expect(await introductionsBetween(t.db, { viewerId: ben.id, otherId: ana.id })).toEqual({ toMe: listed, fromMe: [] });
    expect(await introductionsBetween(t.db, { viewerId: ana.id, otherId: ben.id })).toEqual({ toMe: [], fromMe: listed });
    const evaluation = (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ana.id, otherId: ben.id, now: NOW }))!;
    expect(evaluation.criteria.find((c) => c.key === "points")!.current).toBe(0);
    expect(evaluation.criteria.find((c) => c.key === "conversation")!.met).toBe(false);
    expect(evaluation.interactions).toEqual([expect.objectContaining({ counted: false, points: 0, reason: "introductions_off" })]);
  });

  it("counts toward A's warm-up with B only, not B's with A", async () => {
    await circle();
    await intro(dev.id, "ana_i", "ben_i");
    const reverse = (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))!;
    expect(reverse.criteria.find((c) => c.key === "points")!.current).toBe(0);
  });

  it("requires the introducer to be connected to both, at the time", async () => {
    await circle();
    await t.db.connection.deleteMany({ where: { OR: [{ memberAId: ben.id }, { memberBId: ben.id }] } });
    const e = await refused(() => intro(dev.id, "ana_i", "ben_i"), "forbidden");
    expect(e.message).toBe("You can only introduce people you're connected to, and you're not connected to Ben Okafor.");
    const stranger = await createMember({ handle: "stranger_i" });
    await refused(() => intro(stranger.id, "ana_i", "dev_i"), "forbidden");
  });

  it("allows one introduction per pair per 90 days, whoever makes it and in either direction", async () => {
    await circle();
    const emma = await createMember({ handle: "emma_i" });
    await createConnection(emma.id, ana.id);
    await createConnection(emma.id, ben.id);
    await intro(dev.id, "ana_i", "ben_i");
    const e = await refused(() => intro(emma.id, "ana_i", "ben_i", later(89)), "conflict");
    expect(e.retryAt).toEqual(later(90));
    expect(e.message).toContain("One introduction per pair every 90 days");
    // The same two people the other way round are the same pair.
    await refused(() => intro(emma.id, "ben_i", "ana_i", later(1)), "conflict");
    // After the cooldown, again (either way).
    await intro(emma.id, "ben_i", "ana_i", later(90));
    expect(await t.db.introduction.count()).toBe(2);
  });

  it("follows the admin's cooldown setting", async () => {
    await circle();
    await t.db.appSettings.create({ data: { id: 1, values: { introductions: { cooldownDays: 30 } } } });
    await intro(dev.id, "ana_i", "ben_i");
    await refused(() => intro(dev.id, "ana_i", "ben_i", later(29)), "conflict");
    await intro(dev.id, "ana_i", "ben_i", later(30));
  });

  it("refuses introducing yourself, a member to themselves, and members already connected", async () => {
    await circle();
    await refused(() => intro(dev.id, "dev_i", "ben_i"), "self");
    await refused(() => intro(dev.id, "ana_i", "dev_i"), "self");
    const same = await refused(() => intro(dev.id, "ana_i", "ana_i"), "validation");
    expect(same.fields?.introducedToHandle).toBeDefined();
    await createConnection(ana.id, ben.id);
    const e = await refused(() => intro(dev.id, "ana_i", "ben_i"), "already_connected");
    expect(e.message).toBe("Ana Ferreira and Ben Okafor are already connected.");
  });

  it("treats any block among the three as “not found”", async () => {
    for (const [blocker, blocked] of [
      ["ana", "ben"],
      ["ben", "ana"],
      ["ben", "dev"],
      ["dev", "ana"],
    ] as const) {
      await t.reset();
      await circle();
      const m = { ana, ben, dev };
      await createBlock(m[blocker].id, m[blocked].id);
      await refused(() => intro(dev.id, "ana_i", "ben_i"), "not_found");
    }
  });

  it("validates the note and the handles, naming the field", async () => {
    await circle();
    const empty = await refused(() => intro(dev.id, "ana_i", "ben_i", NOW, "   "), "validation");
    expect(empty.fields?.note?.[0]).toMatch(/introduction note/);
    const long = await refused(() => intro(dev.id, "ana_i", "ben_i", NOW, "x".repeat(501)), "validation");
    expect(long.fields?.note?.[0]).toBe("Keep the introduction note under 500 characters.");
    const unknown = await refused(() => intro(dev.id, "ana_i", "nobody_here"), "not_found");
    expect(unknown.fields?.introducedToHandle).toBeDefined();
  });
});

describe("whom the viewer may introduce a member to", () => {
  beforeEach(() => t.reset());

  it("lists the viewer's other connections not yet connected to, blocked with or recently introduced to the member", async () => {
    await circle();
    const chloe = await createMember({ handle: "chloe_i", name: "Chloé Martin" }); // already connected to Ana
    const emma = await createMember({ handle: "emma_i", name: "Emma Lindqvist" }); // Ana blocked her
    const farid = await createMember({ handle: "farid_i", name: "Farid Haddad" }); // Ana was introduced to him last month
    const grace = await createMember({ handle: "grace_i", name: "Grace Kim" }); // eligible
    const hugo = await createMember({ handle: "hugo_i", name: "Hugo Silva", suspendedAt: NOW }); // suspended
    for (const m of [chloe, emma, farid, grace, hugo]) await createConnection(dev.id, m.id);
    await createConnection(ana.id, chloe.id);
    await createBlock(ana.id, emma.id);
    await intro(dev.id, "ana_i", "farid_i", later(-30));

    const targets = await eligibleIntroductionTargets(t.db, { viewerId: dev.id, profileMemberId: ana.id, now: NOW });
    expect(targets.map((m) => m.handle)).toEqual(["ben_i", "grace_i"]);
    // Sixty days later the introduction of Ana to Farid is older than the cooldown.
    expect((await eligibleIntroductionTargets(t.db, { viewerId: dev.id, profileMemberId: ana.id, now: later(61) })).map((m) => m.handle)).toEqual([
      "ben_i",
      "farid_i",
      "grace_i",
    ]);
  });

  it("is empty on your own profile and on the profile of someone you're not connected to", async () => {
    await circle();
    const stranger = await createMember();
    expect(await eligibleIntroductionTargets(t.db, { viewerId: dev.id, profileMemberId: dev.id, now: NOW })).toEqual([]);
    expect(await eligibleIntroductionTargets(t.db, { viewerId: dev.id, profileMemberId: stranger.id, now: NOW })).toEqual([]);
    expect(await eligibleIntroductionTargets(t.db, { viewerId: stranger.id, profileMemberId: ana.id, now: NOW })).toEqual([]);
  });

  it("leaves out introductions made by someone blocked with the viewer", async () => {
    await circle();
    await intro(dev.id, "ana_i", "ben_i");
    expect(await introductionsOf(t.db, { introducedId: ana.id, introducedToId: ben.id, viewerId: ben.id })).toHaveLength(1);
    await createBlock(ben.id, dev.id);
    expect(await introductionsOf(t.db, { introducedId: ana.id, introducedToId: ben.id, viewerId: ben.id })).toEqual([]);
    expect(await introductionsBetween(t.db, { viewerId: ben.id, otherId: ana.id })).toEqual({ toMe: [], fromMe: [] });
  });
});
