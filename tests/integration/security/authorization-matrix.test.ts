import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute, discoverRoutes, routeName, type CallInit, type DiscoveredRoute } from "@/tests/support/api-routes";
import { useTestDatabase } from "@/tests/support/test-database";
import { KNOWN_PASSWORD } from "@/tests/factories/members";
import { ROLES, buildWorld, ownerState, requestFor, type Role } from "./world";

/**
 * Every route under app/api/v1, found by walking the folder, called by every kind of
 * stranger against things member X owns. The table below says what each must answer;
 * a route without a row fails the test, so a new route cannot ship unexamined.
 *
 *   401: anonymous on a member route    403: suspended member    404: not yours / hidden
 *   2xx: allowed (and then it acts on the caller's own things, never on X's)
 *   409/400: allowed to ask, refused by the rules (e.g. not warmed up)
 */
const t = useTestDatabase();

type Expect = Record<Role, number>;
/** A member route: anonymous 401, suspended 403, and what the others get. */
const member = (other: number, blocked: number, admin = other): Expect => ({ anonymous: 401, suspended: 403, other, blocked, admin });
const everyone = (status: number): Expect => ({ anonymous: status, suspended: status, other: status, blocked: status, admin: status });

const expected: Record<string, Expect> = {
  // open doors
  "POST /signup": everyone(201),
  "POST /tokens": everyone(401), // X's email with a wrong password: nobody gets X's token
  "POST /password-resets": everyone(202), // X's address: the same answer for everyone, the link goes only to X
  "POST /password-resets/confirm": everyone(400), // a forged token changes nothing
  "GET /openapi.json": everyone(200),
  "GET /{...path}": everyone(404),
  "POST /{...path}": everyone(404),
  "PUT /{...path}": everyone(404),
  "PATCH /{...path}": everyone(404),
  "DELETE /{...path}": everyone(404),
  // the caller's own things
  "GET /tokens": member(200, 200),
  "DELETE /tokens/{id}": member(404, 404), // X's token id
  "GET /me": member(200, 200),
  "PATCH /me": member(200, 200),
  "DELETE /me": member(400, 400), // with a wrong password: nobody's account is scheduled for deletion
  "GET /me/export": member(200, 200), // the caller's own data, never X's
  "GET /me/policy": member(200, 200),
  "PUT /me/policy": member(200, 200),
  "GET /me/email-preferences": member(200, 200),
  "PUT /me/email-preferences": member(200, 200), // the caller's own choices; X's stay as they were (ownerState)
  "POST /me/policy/preview": member(200, 200),
  "GET /me/dashboard": member(200, 200),
  "GET /notifications": member(200, 200),
  "POST /notifications/read": member(200, 200),
  "GET /connections": member(200, 200),
  "GET /relationships": member(200, 200),
  "GET /connection-requests": member(200, 200),
  "GET /interactions": member(200, 200),
  "GET /interaction-offers": member(200, 200), // the caller's own offers
  "POST /interaction-offers/{handle}/add": member(200, 404), // offers about X: the caller has none (decided 0); in a block, X is not found
  "POST /interaction-offers/{handle}/dismiss": member(200, 404),
  // X's content: visible to members, hidden from the member X blocked, never changeable by others
  "GET /posts": member(200, 404), // ?author=X
  "POST /posts": member(201, 201), // the caller's own post
  "GET /posts/{id}": member(200, 404),
  "DELETE /posts/{id}": member(404, 404),
  "POST /posts/{id}/comments": member(201, 404),
  "POST /posts/{id}/shares": member(201, 404),
  "PUT /posts/{id}/reaction": member(200, 404),
  "DELETE /posts/{id}/reaction": member(204, 404),
  "DELETE /comments/{id}": member(404, 404),
  "PUT /comments/{id}/reaction": member(200, 404),
  "DELETE /comments/{id}/reaction": member(204, 404),
  "DELETE /kudos/{id}": member(404, 404),
  // finding people: a member's own search and suggestions (X never shows to the member X blocked: tests/integration/people)
  "GET /members": member(200, 200),
  "GET /members/suggestions": member(200, 200),
  // X as a member
  "GET /members/{handle}": member(200, 404),
  "GET /members/{handle}/warmup": member(200, 404),
  "GET /members/{handle}/interactions": member(200, 404),
  "GET /members/{handle}/kudos": member(200, 404),
  "POST /members/{handle}/kudos": member(201, 404),
  "POST /interactions": member(201, 404), // logging an interaction with X
  "POST /connection-requests": member(409, 404), // not warmed up / hidden
  "POST /introductions": member(403, 404), // introducing X to W without being connected to either
  "POST /reports": member(201, 404), // reporting X's post
  "GET /blocks": member(200, 200), // the caller's own blocks: the member X blocked never sees X's
  "POST /blocks": member(201, 404), // blocking X; the member X blocked must not learn X exists
  "DELETE /blocks/{handle}": member(404, 404), // nobody's block on X to lift
  "DELETE /connections/{handle}": member(404, 404),
  // X's requests and logs
  "GET /connection-requests/{id}": member(404, 404),
  "POST /connection-requests/{id}/accept": member(404, 404),
  "POST /connection-requests/{id}/decline": member(404, 404),
  "POST /connection-requests/{id}/withdraw": member(404, 404),
  "POST /interactions/{id}/confirm": member(404, 404),
  "POST /interactions/{id}/dispute": member(404, 404),
  "POST /interactions/{id}/withdraw": member(404, 404),
};

let routes: DiscoveredRoute[] = [];
const bodiesSeenByOthers: { route: string; role: Role; text: string }[] = [];

beforeAll(async () => {
  routes = await discoverRoutes();
  vi.spyOn(console, "error").mockImplementation(() => {}); // 5xx would fail the status checks anyway
});
afterAll(() => vi.restoreAllMocks());

describe("authorization matrix over every API route", () => {
  it("finds the routes on disk, and every one has a row in the table", () => {
    expect(routes.length).toBeGreaterThanOrEqual(50);
    const names = routes.map(routeName);
    expect(names.filter((n) => !(n in expected)), "routes missing from the table").toEqual([]);
    expect(Object.keys(expected).filter((n) => !names.includes(n)), "table rows for routes that no longer exist").toEqual([]);
  });

  it("answers each kind of caller as the table says, and never touches X's things", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      await t.reset();
      const w = await buildWorld(t.db, new Date());
      const before = await ownerState(t.db, w);
      for (const role of ROLES) {
        const res = await callRoute(route, { ...requestFor(route, w), token: w.tokens[role] });
        calls++;
        const want = expected[routeName(route)]?.[role];
        if (res.status !== want) mismatches.push(`${routeName(route)} as ${role}: ${res.status} (expected ${want}) ${res.text.slice(0, 160)}`);
        if (res.status >= 400) expect(res.headers.get("content-type"), `${routeName(route)} as ${role}`).toBe("application/problem+json");
        if (role !== "anonymous") bodiesSeenByOthers.push({ route: routeName(route), role, text: res.text });
      }
      const after = await ownerState(t.db, w);
      expect(after, `${routeName(route)}: X's things changed`).toEqual(before);
      // X's own token still works after everyone had a go.
      const me = await callRoute(routes.find((r) => routeName(r) === "GET /me")!, { token: w.xToken.token });
      expect(me.status).toBe(200);
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBe(routes.length * ROLES.length);
    // Every route × every caller, sequentially: ~21–26 s on PostgreSQL on a 2-core machine
    // alone (before and after relationship summaries), past the default 30 s under load.
  }, 120_000);

  it("never shows X's private fields to anyone else", async () => {
    expect(bodiesSeenByOthers.length).toBeGreaterThan(200);
    // The markers of the last world built are unique to it, so check each world's markers
    // the only way that is exact: a marker pattern shared by every world.
    const leaks = bodiesSeenByOthers.filter(({ text }) =>
      /owner\.private\.[0-9a-f]{8}@example\.test|NOTIFICATION-SECRET-|PENDING-LOG-SECRET-|REQUEST-NOTE-SECRET-|X-LOGGED-ABOUT-W-SECRET-|argon2|passwordHash|tokenHash|token_hash/i.test(text),
    );
    expect(leaks.map((l) => `${l.route} as ${l.role}: ${l.text.slice(0, 200)}`)).toEqual([]);
    // and no token hash: 64 hex characters appear nowhere
    expect(bodiesSeenByOthers.filter(({ text }) => /\b[0-9a-f]{64}\b/.test(text)).map((l) => l.route)).toEqual([]);
  });
});

describe("X's own view, for contrast", () => {
  it("X sees their notification, their pending log and their request note — the markers are real", async () => {
    await t.reset();
    const w = await buildWorld(t.db, new Date());
    const get = (name: string, init: CallInit = {}) => callRoute(routes.find((r) => routeName(r) === name)!, { token: w.xToken.token, ...init });
    expect((await get("GET /notifications")).text).toContain(w.secrets.notification);
    expect((await get("GET /interactions", { query: "role=target" })).text).toContain(w.secrets.pendingLog);
    expect((await get("GET /connection-requests/{id}", { params: { id: w.requestYX } })).text).toContain("REQUEST-NOTE-SECRET-");
    expect((await get("GET /me")).text).toContain(w.secrets.email);
    expect((await get("GET /blocks")).json).toMatchObject({ items: [{ member: { handle: w.members.blocked.handle } }] });
    // and the password works for X alone
    const tokens = routes.find((r) => routeName(r) === "POST /tokens")!;
    expect((await callRoute(tokens, { json: { email: w.x.email, password: KNOWN_PASSWORD, name: "mine" } })).status).toBe(201);
  });
});
