import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { setViewerForTests } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { clientIp } from "@/lib/server/request-ip";
import { callRoute, discoverRoutes, type DiscoveredRoute } from "@/tests/support/api-routes";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { KNOWN_PASSWORD, createMember } from "@/tests/factories/members";

// The web sign-in form's action reads the client address from next/headers.
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders.current,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

/**
 * Credential stuffing and sign-up floods meet limits kept in the database (auth_attempt), so
 * every app instance agrees — also when the attempts arrive all at once.
 */
const t = useTestDatabase();
const onServer = Boolean(serverUrl());
const NOW = new Date("2027-05-01T10:00:00.000Z");
const MIN = 60_000;
let tokensRoute: DiscoveredRoute;
let signupRoute: DiscoveredRoute;

beforeAll(async () => {
  const routes = await discoverRoutes();
  tokensRoute = routes.find((r) => r.method === "POST" && r.path === "/tokens")!;
  signupRoute = routes.find((r) => r.method === "POST" && r.path === "/signup")!;
});
beforeEach(async () => {
  await t.reset();
  setClockForTests(NOW);
});
afterEach(() => {
  setClockForTests(undefined);
  setViewerForTests(undefined);
});
afterAll(() => setClockForTests(undefined));

const wrong = (email: string, ip: string, now = NOW) => signInWithPassword(t.db, { input: { email, password: "not the password" }, ip, now });
const tokenCall = (email: string, password: string, ip: string) =>
  callRoute(tokensRoute, { json: { email, password, name: "stuffing" }, headers: { "x-forwarded-for": ip } });

describe("sign-in throttling", () => {
  it("per account: the 6th try in 15 minutes is refused — even with the right password — with a clear message", async () => {
    const m = await createMember();
    for (let i = 0; i < 5; i++) expect((await wrong(m.email, `198.51.100.${i}`)).ok).toBe(false);
    const sixth = await signInWithPassword(t.db, { input: { email: m.email, password: KNOWN_PASSWORD }, ip: "198.51.100.99", now: NOW });
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.error.code).toBe("rate_limited");
    expect(sixth.error.message).toMatch(/too many failed sign-in attempts for this account/i);
    expect(sixth.error.retryAt).toEqual(new Date(NOW.getTime() + 15 * MIN));
    // After the window the right password works again.
    expect((await signInWithPassword(t.db, { input: { email: m.email, password: KNOWN_PASSWORD }, ip: "198.51.100.99", now: new Date(NOW.getTime() + 15 * MIN + 1) })).ok).toBe(true);
  });

  it("per IP: many accounts tried from one address are cut off; other addresses are not", async () => {
    const members = await Promise.all(Array.from({ length: 8 }, () => createMember()));
    vi.stubEnv("RAPPORT_SIGNIN_MAX_PER_IP", "6");
    try {
      const results = [];
      for (const m of members) results.push(await wrong(m.email, "192.0.2.66"));
      expect(results.slice(0, 6).every((r) => !r.ok && r.error.code === "unauthenticated")).toBe(true);
      expect(results.slice(6).every((r) => !r.ok && r.error.code === "rate_limited" && /from your network/.test(r.error.message))).toBe(true);
      expect((await signInWithPassword(t.db, { input: { email: members[7].email, password: KNOWN_PASSWORD }, ip: "192.0.2.67", now: NOW })).ok).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("the API (POST /api/v1/tokens) answers 429 problem+json with Retry-After", async () => {
    const m = await createMember();
    for (let i = 0; i < 5; i++) expect((await tokenCall(m.email, "wrong password!", "198.51.100.7")).status).toBe(401);
    const res = await tokenCall(m.email, KNOWN_PASSWORD, "198.51.100.7");
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe(String(15 * 60));
    expect(res.json).toMatchObject({ code: "rate_limited", retryAt: new Date(NOW.getTime() + 15 * MIN).toISOString() });
    expect(await t.db.apiToken.count()).toBe(0);
  });

  it("the web form shows the message", async () => {
    const m = await createMember();
    const { signInAction } = await import("@/lib/server/actions/auth");
    requestHeaders.current = new Headers({ "x-forwarded-for": "198.51.100.8" });
    const form = (password: string) => {
      const f = new FormData();
      f.set("email", m.email);
      f.set("password", password);
      return f;
    };
    // The action reads the real clock: the attempts land "now", and the window counts from now.
    setClockForTests(undefined);
    for (let i = 0; i < 5; i++) expect((await signInAction({}, form("wrong password!"))).code).toBe("unauthenticated");
    const state = await signInAction({}, form(KNOWN_PASSWORD));
    expect(state).toMatchObject({ ok: false, code: "rate_limited" });
    expect(state.message).toMatch(/password sign-in is paused.*Email me a sign-in link/i);
    expect(state.values).not.toHaveProperty("password");
  });

  it.skipIf(!onServer)("bursts of 20 wrong passwords at once get at most 5 guesses in the window, all bursts together (PostgreSQL)", async () => {
    const m = await createMember();
    let checked = 0;
    for (let burst = 0; burst < 3; burst++) {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => wrong(m.email, `203.0.${burst}.${i}`)));
      expect(results.every((r) => !r.ok && ["unauthenticated", "rate_limited"].includes(r.error.code))).toBe(true);
      checked += results.filter((r) => !r.ok && r.error.code === "unauthenticated").length;
    }
    // then one at a time, until the 5 guesses are used up
    for (let i = 0; i < 6; i++) {
      const r = await wrong(m.email, `203.0.9.${i}`);
      if (!r.ok && r.error.code === "unauthenticated") checked++;
    }
    const failures = await t.db.authAttempt.count({ where: { kind: "signin:account", key: m.email, success: false } });
    expect(checked).toBe(5);
    expect(failures).toBe(5); // every guess that was checked is on record; refusals are not
    const right = await signInWithPassword(t.db, { input: { email: m.email, password: KNOWN_PASSWORD }, ip: "203.0.10.1", now: NOW });
    expect(right.ok).toBe(false);
  });
});

describe("sign-up throttling", () => {
  const input = (n: number | string) => ({ email: `new${n}@example.test`, password: "a long enough password", handle: `new_${n}`, name: `New ${n}` });

  it("POST /api/v1/signup: the 11th account from one address in an hour is 429 with Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await callRoute(signupRoute, { json: input(i), headers: { "x-forwarded-for": "198.51.100.20" } });
      expect(res.status, res.text).toBe(201);
    }
    const res = await callRoute(signupRoute, { json: input(10), headers: { "x-forwarded-for": "198.51.100.20" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe(String(60 * 60));
    expect((res.json as { detail: string }).detail).toMatch(/too many accounts were created from your network/i);
    expect(await t.db.member.count()).toBe(10);
    // another address is not affected
    expect((await callRoute(signupRoute, { json: input(11), headers: { "x-forwarded-for": "198.51.100.21" } })).status).toBe(201);
  });

  it.skipIf(!onServer)("30 sign-ups at once from one address create at most 10 accounts (PostgreSQL)", async () => {
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => signUp(t.db, { input: input(`p${i}`), ip: "198.51.100.30", now: NOW })));
    const created = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as AppError).code === "rate_limited").length;
    expect(created + refused).toBe(30);
    expect(created).toBe(10);
    expect(await t.db.member.count()).toBe(10);
  });
});

describe("the client address", () => {
  it("is the one the nearest proxy saw, not one the client wrote into X-Forwarded-For", () => {
    // A proxy appends the address it saw; whatever the client sent comes first.
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.50" }))).toBe("198.51.100.50");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.50" }))).toBe("198.51.100.50");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.51" }))).toBe("198.51.100.51");
    expect(clientIp(new Headers())).toBe("local");
  });

  it("a client rotating a spoofed first X-Forwarded-For entry is still throttled per address", async () => {
    const members = await Promise.all(Array.from({ length: 4 }, () => createMember()));
    vi.stubEnv("RAPPORT_SIGNIN_MAX_PER_IP", "3");
    try {
      const codes = [];
      for (const [i, m] of members.entries()) {
        const res = await tokenCall(m.email, "wrong password!", `10.0.0.${i}, 198.51.100.60`);
        codes.push(res.status);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
