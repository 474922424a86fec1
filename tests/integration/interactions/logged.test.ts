import { beforeEach, describe, expect, it } from "vitest";
import { getAppSettings } from "@/lib/server/settings";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { withdrawLogged } from "@/lib/server/services/interactions/withdraw-logged";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import type { TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";

const t = useTestDatabase();
const now = new Date("2026-03-10T09:00:00Z");

const valid = (over: Record<string, unknown> = {}) => ({
  targetHandle: "ana_l",
  platform: "x",
  kind: "reply",
  occurredOn: "2026-03-08",
  evidenceUrl: "https://x.com/ben/status/1",
  summary: "Replied to her thread about queues",
  ...over,
}) as TLoggedInteractionCreateInput; // overrides may be deliberately invalid

async function setup() {
  const ana = await createMember({ handle: "ana_l", name: "Ana Ferreira" });
  const ben = await createMember({ handle: "ben_l" });
  const chloe = await createMember({ handle: "chloe_l" });
  return { ana, ben, chloe };
}

describe("logged interactions", () => {
  beforeEach(() => t.reset());

  it("starts pending: a LoggedInteraction, a pending Interaction at noon of that day, and a notification for the target", async () => {
    const { ana, ben } = await setup();
    const logged = await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    expect(logged.status).toBe("pending");
    const rows = await t.db.interaction.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: ben.id,
      targetId: ana.id,
      kind: "logged_reply",
      source: "logged",
      verification: "pending",
      weight: 3,
      loggedId: logged.id,
    });
    expect(rows[0].occurredAt.toISOString()).toBe("2026-03-08T12:00:00.000Z");
    const note = await t.db.notification.findFirstOrThrow({ where: { memberId: ana.id } });
    expect(note.type).toBe("logged_pending");
  });

  it("maps logged kinds to interaction kinds and never dates today's log in the future", async () => {
    const { ana, ben } = await setup();
    await logInteraction(t.db, { actorId: ben.id, input: valid({ platform: "event", kind: "met_in_person", occurredOn: "2026-03-10", evidenceUrl: "" }), now });
    await logInteraction(t.db, { actorId: ben.id, input: valid({ kind: "share", evidenceUrl: "https://x.com/ben/status/2" }), now });
    const rows = await t.db.interaction.findMany({ where: { targetId: ana.id }, orderBy: { weight: "desc" } });
    expect(rows.map((r) => [r.kind, r.weight])).toEqual([
      ["logged_met", 4],
      ["logged_mention", 2],
    ]);
    expect(rows[0].occurredAt.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it("moves pending → confirmed only by its target, and then counts in full", async () => {
    const { ana, ben, chloe } = await setup();
    const logged = await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    const pts = async () => (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now }))!.criteria.find((c) => c.key === "points")!.current;
    expect(await pts()).toBe(1); // pending counts half, rounded down
    await expect(decideLogged(t.db, { targetId: chloe.id, input: { id: logged.id, decision: "confirm" }, now })).rejects.toMatchObject({ code: "not_found" });
    await expect(decideLogged(t.db, { targetId: ben.id, input: { id: logged.id, decision: "confirm" }, now })).rejects.toMatchObject({ code: "not_found" });
    await decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "confirm" }, now });
    expect((await t.db.loggedInteraction.findUniqueOrThrow({ where: { id: logged.id } })).status).toBe("confirmed");
    expect((await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } })).verification).toBe("confirmed");
    expect(await pts()).toBe(3);
    // Decided once: deciding again is not possible.
    await expect(decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "dispute" }, now })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a disputed interaction never counts", async () => {
    const { ana, ben } = await setup();
    const logged = await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    await decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "dispute" }, now });
    const ev = (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now }))!;
    expect(ev.interactions[0]).toMatchObject({ counted: false, reason: "disputed" });
    expect((await t.db.loggedInteraction.findUniqueOrThrow({ where: { id: logged.id } })).status).toBe("disputed");
  });

  it("only the actor can withdraw a pending log; it then stops counting", async () => {
    const { ana, ben, chloe } = await setup();
    const logged = await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    await expect(withdrawLogged(t.db, { actorId: ana.id, id: logged.id, now })).rejects.toMatchObject({ code: "not_found" });
    await expect(withdrawLogged(t.db, { actorId: chloe.id, id: logged.id, now })).rejects.toMatchObject({ code: "not_found" });
    await withdrawLogged(t.db, { actorId: ben.id, id: logged.id, now });
    expect((await t.db.loggedInteraction.findUniqueOrThrow({ where: { id: logged.id } })).status).toBe("withdrawn");
    expect((await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } })).verification).toBe("removed");
    await expect(decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "confirm" }, now })).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    ["a date in the future", { occurredOn: "2026-03-11" }, "occurredOn", /future/],
    ["a date more than a year ago", { occurredOn: "2025-03-09" }, "occurredOn", /more than a year/],
    ["an impossible date", { occurredOn: "2026-02-30" }, "occurredOn", /doesn't exist/],
    ["no evidence for X", { evidenceUrl: "" }, "evidenceUrl", /link is required/],
    ["no evidence for GitHub", { platform: "github", evidenceUrl: undefined }, "evidenceUrl", /link is required/],
    ["a javascript: URL", { evidenceUrl: "javascript:alert(1)" }, "evidenceUrl", /http/],
    ["a data: URL", { platform: "event", evidenceUrl: "data:text/html,hi" }, "evidenceUrl", /http/],
    ["a URL over 500 characters", { evidenceUrl: `https://x.com/${"a".repeat(500)}` }, "evidenceUrl", /500/],
    ["a summary over 280 characters", { summary: "a".repeat(281) }, "summary", /280/],
    ["an unknown platform", { platform: "myspace" }, "platform", /choose where/i],
    ["an unknown kind", { kind: "wave" }, "kind", /choose what kind/i],
    ["an unknown member", { targetHandle: "nobody_here" }, "targetHandle", /couldn't find/],
    ["yourself", { targetHandle: "ben_l" }, "targetHandle", /yourself/],
  ])("refuses %s with an error naming the field", async (_label, over, field, message) => {
    const { ben } = await setup();
    const err = await logInteraction(t.db, { actorId: ben.id, input: valid(over), now }).catch((e) => e);
    expect(err.fields?.[field]?.[0]).toMatch(message);
    expect(await t.db.loggedInteraction.count()).toBe(0);
    expect(await t.db.interaction.count()).toBe(0);
  });

  it("accepts a date exactly one year ago and today, and no evidence for an event", async () => {
    const { ben } = await setup();
    await logInteraction(t.db, { actorId: ben.id, input: valid({ occurredOn: "2025-03-10" }), now });
    await logInteraction(t.db, { actorId: ben.id, input: valid({ occurredOn: "2026-03-10", evidenceUrl: "https://x.com/ben/status/9" }), now });
    await logInteraction(t.db, { actorId: ben.id, input: valid({ platform: "event", kind: "met_in_person", evidenceUrl: "" }), now });
    expect(await t.db.loggedInteraction.count()).toBe(3);
  });

  it("refuses logging the same evidence twice for the same member", async () => {
    const { ben } = await setup();
    await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    const err = await logInteraction(t.db, { actorId: ben.id, input: valid({ occurredOn: "2026-03-09" }), now }).catch((e) => e);
    expect(err).toMatchObject({ code: "validation" });
    expect(err.fields.evidenceUrl[0]).toMatch(/already logged this link for Ana/);
    expect(await t.db.loggedInteraction.count()).toBe(1);
  });

  it("allows the same evidence for a different member (a thread with both)", async () => {
    await setup();
    const ben = await t.db.member.findUniqueOrThrow({ where: { handle: "ben_l" } });
    await logInteraction(t.db, { actorId: ben.id, input: valid(), now });
    await logInteraction(t.db, { actorId: ben.id, input: valid({ targetHandle: "chloe_l" }), now });
    expect(await t.db.loggedInteraction.count()).toBe(2);
  });
});
