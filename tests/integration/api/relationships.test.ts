import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { RELATIONSHIP_TABS, RELATIONSHIP_TAB_KEYS, type RelationshipTab } from "@/lib/warmup/relationship-tabs";
import type { RelationshipStatus } from "@/lib/warmup/types";
import { createMember, type FactoryMember, type MemberAttrs } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { del, get, post, put } from "./http";
import { DAY } from "@/lib/warmup/time";

/**
 * GET /api/v1/relationships over HTTP. Everything between the members is done through the
 * API itself (posts, comments, reactions, requests and their answers), so the stored
 * relationship summaries are written the way members write them. The `http` helper checks
 * every answer against its documented schema.
 */
const t = useTestDatabase();
const START = new Date(Date.now() + 2 * DAY);
let clock = START.getTime();
/** Each action a minute after the last, so "most recent" has an order to find. */
const tick = () => setClockForTests(new Date((clock += 60_000)));
const NOTE = "I enjoyed our thread about on-call handovers and would like to keep in touch.";
/** More than two pages of the smallest limit used below. */
const WARMING = 23;

type Someone = FactoryMember & { token: string };
async function someone(attrs: MemberAttrs = {}): Promise<Someone> {
  const m = await createMember(attrs);
  return { ...m, token: (await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: START })).token };
}
/** 3 points, 1 interaction, 1 day: one comment is enough. */
const friendly = { policy: { preset: "friendly" } } as const;

type Item = { member: { handle: string; name: string }; status: RelationshipStatus; percent: number; gateMet: boolean; nextStep: string | null; lastInteractionAt: string | null };
type Page = { items: Item[]; nextCursor: string | null; counts: Record<RelationshipTab, number> };

let viewer: Someone;
const who = {} as Record<"ready" | "waiting" | "asked" | "cooling" | "connected", Someone>;
const warming: Someone[] = [];
let zephyr: Someone;

async function postBy(m: Someone): Promise<string> {
  tick();
  const p = await post("/api/v1/posts", { body: `Thinking out loud, as ${m.name}.` }, { token: m.token });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  return p.body.id as string;
}
async function commentOn(postId: string, by: Someone) {
  tick();
  const c = await post(`/api/v1/posts/${postId}/comments`, { body: "A thoughtful reply, with a question at the end?" }, { token: by.token });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
}
async function ask(from: Someone, to: Someone): Promise<string> {
  tick();
  const r = await post("/api/v1/connection-requests", { to: to.handle, note: NOTE }, { token: from.token });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
const handlesOf = (items: Item[]) => items.map((i) => i.member.handle);

async function list(query: string, token = viewer.token) {
  const res = await get<Page>(`/api/v1/relationships${query ? `?${query}` : ""}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every page of one listing, following nextCursor. */
async function walk(query: string, token = viewer.token): Promise<Item[][]> {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const body: Page = await list(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, token);
    pages.push(body.items);
    cursor = body.nextCursor;
    expect(pages.length, "nextCursor never ends").toBeLessThan(50);
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  setClockForTests(START);
  viewer = await someone({ name: "Vera Viewer", ...friendly });

  // ready: one comment meets a friendly protocol
  who.ready = await someone({ name: "Rosa Ready", ...friendly });
  await commentOn(await postBy(who.ready), viewer);

  // waiting on them, cooling down, connected: warm, then asked; two of them answer
  who.waiting = await someone({ name: "Pablo Pending", ...friendly });
  who.cooling = await someone({ name: "Cora Cooling", ...friendly });
  who.connected = await someone({ name: "Kofi Connected", ...friendly });
  const asked: Record<string, string> = {};
  for (const m of [who.waiting, who.cooling, who.connected]) {
    await commentOn(await postBy(m), viewer);
    asked[m.handle] = await ask(viewer, m);
  }
  tick();
  expect((await post(`/api/v1/connection-requests/${asked[who.cooling.handle]}/decline`, { reason: "not_yet" }, { token: who.cooling.token })).status).toBe(200);
  tick();
  expect((await post(`/api/v1/connection-requests/${asked[who.connected.handle]}/accept`, undefined, { token: who.connected.token })).status).toBe(200);

  // asked you: they warmed up to the viewer (friendly) and asked
  who.asked = await someone({ name: "Abel Asking" });
  await commentOn(await postBy(viewer), who.asked);
  await ask(who.asked, viewer);

  // warming up: one reaction each toward a standard protocol (6 points on 2 days with a conversation)
  for (let i = 0; i < WARMING; i++) {
    const m = await someone({ name: i === 7 ? "Quentin Zephyr" : `Wendy Warming ${String(i).padStart(2, "0")}` });
    const postId = await postBy(m);
    tick();
    expect((await put(`/api/v1/posts/${postId}/reaction`, { type: "like" }, { token: viewer.token })).status).toBe(200);
    warming.push(m);
  }
  zephyr = warming[7];
  // one of them more than a reaction: a comment, so "closest" has a leader
  await commentOn(await postBy(warming[3]), viewer);
  tick();
});
afterAll(() => setClockForTests(undefined));

describe("GET /api/v1/relationships", () => {
  it("needs a signed-in member", async () => {
    const res = await get("/api/v1/relationships");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
    expect((await get("/api/v1/relationships", { token: "rpt_not-a-real-token-at-all-0000000000000000000" })).status).toBe(401);
  });

  it.each([
    ["status=friends", "status"],
    ["status=incoming", "status"], // a status is not a tab
    ["sort=oldest", "sort"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["cursor=", "cursor"],
    ["cursor=nonsense", "cursor"],
    [`q=${"a".repeat(81)}`, "q"],
    ["colour=blue", "colour"],
  ])("refuses %s, naming the field %s", async (query, field) => {
    const res = await get(`/api/v1/relationships?${query}`, { token: viewer.token });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe("validation");
    expect(fields(res.body)).toEqual([field]);
  });

  it("counts each tab, and lists each tab's statuses only", async () => {
    const all = await list("");
    expect(all.counts).toEqual({ asked_you: 1, ready: 1, waiting: 1, cooling: 1, connected: 1, warming: WARMING });
    const expected: Record<RelationshipTab, string[]> = {
      asked_you: [who.asked.handle],
      ready: [who.ready.handle],
      waiting: [who.waiting.handle],
      cooling: [who.cooling.handle],
      connected: [who.connected.handle],
      warming: warming.map((m) => m.handle),
    };
    for (const tab of RELATIONSHIP_TAB_KEYS) {
      const items = (await walk(`status=${tab}&limit=100`)).flat();
      expect(handlesOf(items).sort(), tab).toEqual([...expected[tab]].sort());
      for (const i of items) expect(RELATIONSHIP_TABS[tab] as readonly string[], `${tab}: ${i.member.handle}`).toContain(i.status);
    }
  });

  it("describes each relationship: status, percent, gate, next step and the last interaction", async () => {
    const ready = (await list("status=ready")).items[0];
    expect(ready).toMatchObject({ member: { handle: who.ready.handle, name: "Rosa Ready" }, status: "warm", percent: 100, gateMet: true });
    const cold = (await list(`status=warming&q=${zephyr.handle}`)).items[0];
    expect(cold).toMatchObject({ status: "warming", gateMet: false });
    expect(cold.percent).toBeGreaterThan(0);
    expect(cold.percent).toBeLessThan(100);
    expect(cold.nextStep).toEqual(expect.any(String));
    expect(cold.lastInteractionAt).not.toBeNull();
    expect(JSON.stringify(await list(""))).not.toMatch(/email|passwordHash/);
  });

  it.each(["closest", "recent"])("pages through everything (sort=%s) with each relationship exactly once", async (sort) => {
    const pages = await walk(`sort=${sort}&limit=7`);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil((WARMING + 5) / 7));
    for (const p of pages.slice(0, -1)) expect(p).toHaveLength(7);
    const seen = handlesOf(pages.flat());
    expect(new Set(seen).size, "a relationship was listed twice").toBe(seen.length);
    expect(seen.sort()).toEqual([...warming, who.ready, who.waiting, who.cooling, who.connected, who.asked].map((m) => m.handle).sort());

    const tabPages = await walk(`status=warming&sort=${sort}&limit=10`);
    const tabSeen = handlesOf(tabPages.flat());
    expect(new Set(tabSeen).size).toBe(WARMING);
    expect(tabSeen.length).toBe(WARMING);
  });

  it("sorts closest to unlocking first, or by the latest interaction", async () => {
    const closest = (await walk("status=warming&sort=closest&limit=5")).flat();
    expect(closest[0].member.handle).toBe(warming[3].handle);
    for (let i = 1; i < closest.length; i++) expect(closest[i - 1].percent).toBeGreaterThanOrEqual(closest[i].percent);

    const recent = (await walk("status=warming&sort=recent&limit=5")).flat();
    expect(recent[0].member.handle).toBe(warming[3].handle); // commented on last
    expect(recent[1].member.handle).toBe(warming[WARMING - 1].handle); // the last reaction
    const times = recent.map((i) => Date.parse(i.lastInteractionAt!));
    for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i]);
  });

  it("closest, across every tab, puts what the viewer can act on first: asked you, ready, warming, then waiting, cooling, connected", async () => {
    // The connected, waiting and cooling pairs are at 100% (their gate was met), yet nothing
    // there can be done: they come after every pair that is still warming up.
    for (const limit of [3, 100]) {
      const all = (await walk(`sort=closest&limit=${limit}`)).flat();
      const order = all.map((i) => i.status);
      expect(order[0], `limit ${limit}`).toBe("incoming");
      expect(order[1]).toBe("warm");
      expect(order.slice(2, 2 + WARMING)).toEqual(Array(WARMING).fill("warming"));
      expect(order.slice(2 + WARMING)).toEqual(["requested", "cooldown", "connected"]);
      expect(handlesOf(all).slice(0, 3)).toEqual([who.asked.handle, who.ready.handle, warming[3].handle]);
    }
  });

  it("searches by name or handle, case-insensitive, with or without @, and counts stay per tab", async () => {
    for (const q of ["zephyr", "QUENTIN", `@${zephyr.handle}`, zephyr.handle.toUpperCase()]) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(handlesOf(res.items), q).toEqual([zephyr.handle]);
      expect(res.nextCursor).toBeNull();
      expect(res.counts.warming).toBe(WARMING);
    }
    expect(handlesOf((await list("status=warming&q=zephyr")).items)).toEqual([zephyr.handle]);
    expect((await list("status=ready&q=zephyr")).items).toEqual([]);
    expect((await list("q=nobody-by-that-name")).items).toEqual([]);
    const wendys = (await walk("q=wendy&limit=4")).flat();
    expect(wendys).toHaveLength(WARMING - 1);
  });

  it("never lists a member the viewer blocked", async () => {
    const blocked = warming[0];
    expect((await post("/api/v1/blocks", { handle: blocked.handle }, { token: viewer.token })).status).toBe(201);
    const after = await list("status=warming&limit=100");
    expect(handlesOf(after.items)).not.toContain(blocked.handle);
    expect(after.counts.warming).toBe(WARMING - 1);
    expect((await del(`/api/v1/blocks/${blocked.handle}`, { token: viewer.token })).status).toBe(204);
  });

  it("is documented in the OpenAPI document with its parameters", async () => {
    const doc = (await get("/api/v1/openapi.json")).body;
    const op = doc.paths["/api/v1/relationships"].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["cursor", "limit", "q", "sort", "status"]);
    const status = op.parameters.find((p: { name: string }) => p.name === "status");
    expect(status.schema.enum).toEqual(RELATIONSHIP_TAB_KEYS);
    expect(status.description).toMatch(/asked_you \(incoming\)/);
    expect(op.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/RelationshipsPage" });
  });
});
