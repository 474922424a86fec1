import { beforeAll, describe, expect, it } from "vitest";
import { searchMembers } from "@/lib/server/queries/member-search";
import { toPersonCards } from "@/lib/server/queries/person-cards";
import { refreshSummaries } from "@/lib/server/services/summaries/refresh-pairs";
import { getAppSettings } from "@/lib/server/settings";
import { BadCursorError } from "@/lib/server/queries/relationships";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createBlock, createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOW, daysAfter, warmUp } from "../requests/helpers";

const t = useTestDatabase();

describe("member search", () => {
  let viewer: FactoryMember;
  const m: Record<string, FactoryMember> = {};

  const search = (q: string | null, more: { topic?: string; cursor?: string; limit?: number } = {}) =>
    searchMembers(t.db, { viewerId: viewer.id, now: NOW, q, limit: 20, ...more });
  const handles = async (q: string | null, more: { topic?: string } = {}) => (await search(q, more)).items.map((i) => i.handle);

  beforeAll(async () => {
    viewer = await createMember({ handle: "viewer_v", name: "Vera Viewer" });
    // "grace" as a handle, as a name, and only in a bio: the three tiers.
    m.handle = await createMember({ handle: "grace", name: "Zed Quill", headline: "Handle owner" });
    m.name = await createMember({ handle: "gk_1", name: "Grace Kim", headline: "Designer", topics: ["design", "climate"] });
    m.bio = await createMember({ handle: "bio_only", name: "Pat Lee", bio: "I once worked with grace under pressure." });
    m.topic = await createMember({ handle: "climate_cat", name: "Cat Climate", topics: ["climate"], location: "Lisbon" });
    m.hidden = await createMember({ handle: "grace_hidden", name: "Grace Hidden", discoverable: false });
    m.blocker = await createMember({ handle: "grace_blocker", name: "Grace Blocker" });
    m.blocked = await createMember({ handle: "grace_blocked", name: "Grace Blocked" });
    m.suspended = await createMember({ handle: "grace_susp", name: "Grace Suspended", suspendedAt: daysAfter(NOW, -1) });
    m.wasSuspended = await createMember({
      handle: "grace_back",
      name: "Grace Returned",
      suspendedAt: daysAfter(NOW, -10),
      suspendedUntil: daysAfter(NOW, -1),
    });
    m.email = await createMember({ handle: "mail_owner", name: "Nora Mail", email: "uniquezebra@example.test" });
    await createBlock(m.blocker.id, viewer.id);
    await createBlock(viewer.id, m.blocked.id);
  });

  it("ranks the exact handle first, then names, then the rest", async () => {
    const found = await handles("grace");
    expect(found[0]).toBe("grace");
    expect(found.indexOf("gk_1")).toBeGreaterThan(0);
    expect(found.indexOf("gk_1")).toBeLessThan(found.indexOf("bio_only"));
    expect(found).toContain("grace_back"); // a suspension that has ended
  });

  it("accepts the handle with @", async () => {
    expect((await handles("@grace"))[0]).toBe("grace");
    expect((await handles("@GK_1"))[0]).toBe("gk_1");
  });

  it.each([
    ["a one-letter typo in a first name", "grase", "gk_1"],
    ["a typo in a last name", "Grace Kin", "gk_1"],
    ["a prefix", "gra", "gk_1"],
    ["a headline word", "designer", "gk_1"],
    ["a topic", "climate", "climate_cat"],
    ["a location", "lisbon", "climate_cat"],
  ])("finds a member by %s", async (_what, q, handle) => {
    expect(await handles(q)).toContain(handle);
  });

  it("never finds the viewer, members who opted out, suspended members, or blocks either way", async () => {
    const found = await handles("grace");
    for (const h of ["grace_hidden", "grace_blocker", "grace_blocked", "grace_susp"]) expect(found).not.toContain(h);
    expect(await handles("vera")).not.toContain("viewer_v");
    const directory = await handles(null);
    for (const h of ["grace_hidden", "grace_blocker", "grace_blocked", "grace_susp", "viewer_v"]) expect(directory).not.toContain(h);
  });

  it("does not search email addresses", async () => {
    expect(await handles("uniquezebra")).toEqual([]);
    expect(await handles("uniquezebra@example.test")).toEqual([]);
  });

  it("filters by topic, with or without text", async () => {
    expect((await handles(null, { topic: "climate" })).sort()).toEqual(["climate_cat", "gk_1"]);
    expect(await handles("grace", { topic: "climate" })).toEqual(["gk_1"]);
    expect(await handles(null, { topic: "nobody-has-this" })).toEqual([]);
  });

  it.each([["a search", "grace"], ["the directory", null]])("pages %s with a cursor, without repeats or gaps", async (_what, q) => {
    const all = (await searchMembers(t.db, { viewerId: viewer.id, now: NOW, q, limit: 100 })).items.map((i) => i.handle);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(q, { limit: 2, cursor });
      seen.push(...page.items.map((i) => i.handle));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it("lists the directory by name", async () => {
    const names = (await searchMembers(t.db, { viewerId: viewer.id, now: NOW, q: null, limit: 100 })).items.map((i) => i.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("refuses a cursor it did not give out", async () => {
    await expect(search("grace", { cursor: "nonsense" })).rejects.toBeInstanceOf(BadCursorError);
  });

  // Characters that mean something to tsquery or LIKE, broken UTF-16, and nothing at all.
  it.each([
    ["&"], ["|"], ["!"], [":"], ["*"], ["("], [")"], ["'"], ['"'], ["%"], ["_"], ["\\"],
    ["grace & !kim"], ["grace:*"], ["(grace | kim)"], ["o'brien"], ['"grace kim"'], ["100%"], ["gr_ce"], ["grace\\"],
    ["\uD800"], ["grace\uDC00"], ["\u0000grace"], ["   "], [""], ["!!! ??? ..."], ["'&|!:*()\"%_\\"],
  ])("answers %j without an error", async (q) => {
    const page = await search(q);
    expect(Array.isArray(page.items)).toBe(true);
  });

  it("treats LIKE wildcards literally", async () => {
    expect(await handles("%")).toEqual(await handles(null)); // nothing searchable: the directory
    expect(await handles("gr_ce kim")).not.toContain("bio_only");
  });

  it("still finds Grace with metacharacters around the name", async () => {
    for (const q of ["grace!", "(grace)", "grace:*", "'grace'", "\uD800grace"]) expect(await handles(q)).toContain("gk_1");
  });

  it("gives each result the viewer's relationship from the shared evaluation and the protocol in a phrase", async () => {
    await createMember({ handle: "closed_carl", name: "Carl Closed", policy: { preset: "closed" } });
    const warm = await createMember({ handle: "warm_wendy", name: "Wendy Warm" });
    const stored = await createMember({ handle: "stored_sam", name: "Sam Stored", policy: { preset: "friendly" } });
    await createInteraction({ actorId: viewer.id, targetId: m.name.id, kind: "comment", occurredAt: daysAfter(NOW, -2) });
    await warmUp(viewer.id, warm.id);
    await createInteraction({ actorId: viewer.id, targetId: stored.id, kind: "reaction", occurredAt: daysAfter(NOW, -2) });
    // A fresh stored summary, read as stored (not due): the others are due and evaluated afresh.
    await t.db.$transaction((tx) => refreshSummaries(tx, { pairs: [[viewer.id, stored.id]], now: NOW }));
    const settings = await getAppSettings(t.db);
    const found = await searchMembers(t.db, { viewerId: viewer.id, now: NOW, q: null, limit: 100 });
    const cards = new Map((await toPersonCards(t.db, { viewerId: viewer.id, now: NOW, settings, members: found.items })).map((c) => [c.handle, c]));
    expect(cards.get("gk_1")).toMatchObject({ relationship: { status: "warming" }, protocol: "2 interactions on 2 days, with a conversation", topics: ["design", "climate"] });
    expect(cards.get("gk_1")!.relationship.percent).toBeGreaterThan(0);
    expect(cards.get("closed_carl")).toMatchObject({ relationship: { status: "closed" }, protocol: "Not accepting requests" });
    expect(cards.get("warm_wendy")).toMatchObject({ relationship: { status: "warm", percent: 100 } });
    expect(cards.get("stored_sam")).toMatchObject({ relationship: { status: "warming" }, protocol: "1 interaction" });
    expect(cards.get("bio_only")).toMatchObject({ relationship: { status: "cold", percent: 0 } });
  });
});
