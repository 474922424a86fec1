import { afterEach, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { DEFAULT_EMAIL_PREFS, readEmailPrefs } from "@/lib/email/categories";
import type { TokenScope } from "@/lib/validation/api/token";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { del, get, post, put, type ApiResponse } from "./http";

/**
 * Two things the settings pages offer that the API now offers too: the list of members you
 * blocked (Settings → Blocked members) and your email choices (Settings → Notifications).
 * Every answer is also checked against its documented schema by the `http` helper.
 */
const t = useTestDatabase();
afterEach(() => setClockForTests(undefined));

type Someone = FactoryMember & { token: string };
async function someone(attrs: Parameters<typeof createMember>[0] = {}, scopes?: TokenScope[]): Promise<Someone> {
  const m = await createMember(attrs);
  return { ...m, token: (await createToken(t.db, { memberId: m.id, input: { name: "t", ...(scopes ? { scopes } : {}) }, now: new Date() })).token };
}

const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);
/** Blocks `whom` through the API at T0 + `minutes`. */
async function blockAt(by: Someone, whom: FactoryMember, minutes: number) {
  setClockForTests(new Date(T0 + minutes * 60_000));
  const res = await post("/api/v1/blocks", { handle: whom.handle }, { token: by.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
type Blocked = { member: { id: string; handle: string; name: string; headline: string }; blockedAt: string };
const handles = (items: Blocked[]) => items.map((b) => b.member.handle);

describe("GET /blocks", () => {
  it("lists exactly the members I blocked, newest first, with when — never who blocked me", async () => {
    const ana = await someone({ name: "Ana Lima" });
    const ben = await someone({ name: "Ben Okafor", headline: "Runs the meetup" });
    const cleo = await someone({ name: "Cleo Park" });
    const dan = await someone({ name: "Dan Ruiz" });
    await blockAt(ana, ben, 0);
    await blockAt(ana, cleo, 5);
    await blockAt(dan, ana, 10); // Dan blocked Ana: Ana must not learn it from her list

    const mine = await get("/api/v1/blocks", { token: ana.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      items: [
        { member: { id: cleo.id, handle: cleo.handle, name: "Cleo Park", headline: "" }, blockedAt: new Date(T0 + 5 * 60_000).toISOString() },
        { member: { id: ben.id, handle: ben.handle, name: "Ben Okafor", headline: "Runs the meetup" }, blockedAt: new Date(T0).toISOString() },
      ],
      nextCursor: null,
    });
    expect(handles((await get("/api/v1/blocks", { token: dan.token })).body.items)).toEqual([ana.handle]);
    expect((await get("/api/v1/blocks", { token: ben.token })).body).toEqual({ items: [], nextCursor: null });

    // Lifting a block takes them off the list.
    expect((await del(`/api/v1/blocks/${ben.handle}`, { token: ana.token })).status).toBe(204);
    expect(handles((await get("/api/v1/blocks", { token: ana.token })).body.items)).toEqual([cleo.handle]);
  });

  it("pages by cursor without losing or repeating anyone, even when blocks share a moment or one is lifted between pages", async () => {
    const ana = await someone();
    const others = await Promise.all(Array.from({ length: 5 }, () => createMember()));
    // Two pairs blocked in the same millisecond: the order must still be total.
    for (const [i, m] of others.entries()) await blockAt(ana, m, Math.floor(i / 2));

    const all = (await get("/api/v1/blocks?limit=100", { token: ana.token })).body.items as Blocked[];
    expect(all).toHaveLength(5);
    expect(new Set(handles(all))).toEqual(new Set(others.map((m) => m.handle)));
    const times = all.map((b) => Date.parse(b.blockedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const seen: Blocked[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: ApiResponse<{ items: Blocked[]; nextCursor: string | null }> = await get(`/api/v1/blocks?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: ana.token });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(handles(seen)).toEqual(handles(all));

    // The last one of the first page is unblocked before the second page is read: the second page starts where it would have.
    const first = await get("/api/v1/blocks?limit=2", { token: ana.token });
    expect((await del(`/api/v1/blocks/${first.body.items[1].member.handle}`, { token: ana.token })).status).toBe(204);
    const second = await get(`/api/v1/blocks?limit=2&cursor=${first.body.nextCursor}`, { token: ana.token });
    expect(handles(second.body.items)).toEqual(handles(all.slice(2, 4)));
  });

  it("names a bad cursor or limit", async () => {
    const ana = await someone();
    for (const [query, field] of [["cursor=not-a-cursor", "cursor"], ["limit=0", "limit"], [`cursor=${Buffer.from("o1:3").toString("base64url")}`, "cursor"]]) {
      const res = await get(`/api/v1/blocks?${query}`, { token: ana.token });
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), query).toEqual([field]);
    }
  });
});

describe("email preferences", () => {
  const CHOSEN = { requests: "never", answers: "instant", confirmations: "digest", introductions: "never" } as const;
  const stored = async (id: string) => readEmailPrefs((await t.db.member.findUniqueOrThrow({ where: { id }, select: { emailPrefs: true } })).emailPrefs);

  it("answers the defaults before any choice, then round-trips a choice (PUT then GET)", async () => {
    const ana = await someone();
    expect((await get("/api/v1/me/email-preferences", { token: ana.token })).body).toEqual(DEFAULT_EMAIL_PREFS);

    const saved = await put("/api/v1/me/email-preferences", CHOSEN, { token: ana.token });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(CHOSEN);
    expect((await get("/api/v1/me/email-preferences", { token: ana.token })).body).toEqual(CHOSEN);
    expect(await stored(ana.id)).toEqual(CHOSEN);
  });

  it("refuses a bad value, a missing category or an unknown one with 400 naming the field, and changes nothing", async () => {
    const ana = await someone();
    expect((await put("/api/v1/me/email-preferences", CHOSEN, { token: ana.token })).status).toBe(200);
    const { introductions: _left, ...missing } = CHOSEN;
    const cases: [unknown, string][] = [
      [{ ...CHOSEN, answers: "hourly" }, "answers"],
      [missing, "introductions"],
      [{ ...CHOSEN, marketing: "never" }, "marketing"],
    ];
    for (const [body, field] of cases) {
      const res = await put("/api/v1/me/email-preferences", body, { token: ana.token });
      expect(res.status, field).toBe(400);
      expect(res.body.code).toBe("validation");
      expect(res.body.errors.map((e: { field: string }) => e.field), field).toEqual([field]);
    }
    expect((await get("/api/v1/me/email-preferences", { token: ana.token })).body).toEqual(CHOSEN);
    expect(await stored(ana.id)).toEqual(CHOSEN);
  });

  it("refuses a token that may only read, and changes nothing", async () => {
    const ana = await someone({}, ["read"]);
    const res = await put("/api/v1/me/email-preferences", CHOSEN, { token: ana.token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "insufficient_scope", requiredScope: "write:content" });
    expect((await get("/api/v1/me/email-preferences", { token: ana.token })).body).toEqual(DEFAULT_EMAIL_PREFS);
    expect(await stored(ana.id)).toEqual(DEFAULT_EMAIL_PREFS);
  });
});
