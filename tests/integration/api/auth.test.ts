import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { API_ROUTES } from "@/lib/server/api/openapi-registry";
import { authSecret } from "@/lib/server/auth/secret";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { KNOWN_PASSWORD, createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { call, del, get, post, samplePath, tokenFor } from "./http";

const t = useTestDatabase();

const NOW = new Date(Date.now() + 86_400_000);
const memberRoutes = API_ROUTES.filter((r) => r.auth === "member");

beforeAll(() => setClockForTests(NOW));
afterAll(() => setClockForTests(undefined));

describe("without credentials", () => {
  it("covers every member route of the registry", () => {
    // signup, token creation and password resets (and the OpenAPI document, outside the registry) are the only open doors.
    expect(API_ROUTES.filter((r) => r.auth === "none").map((r) => `${r.method} ${r.path}`).sort()).toEqual(["POST /password-resets", "POST /password-resets/confirm", "POST /signup", "POST /tokens"]);
    expect(memberRoutes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(memberRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s answers 401 problem+json", async (_name, spec) => {
    const res = await call(spec.method, samplePath(spec), spec.body ? { json: {} } : {});
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("refuses a malformed Authorization header, an unknown token and a revoked one", async () => {
    const m = await createMember();
    const created = await createToken(t.db, { memberId: m.id, input: { name: "soon revoked" }, now: NOW });
    expect((await get("/api/v1/me", { token: created.token })).status).toBe(200);

    expect((await get("/api/v1/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await get("/api/v1/me", { token: "rpt_" + "A".repeat(43) })).status).toBe(401);
    expect((await del(`/api/v1/tokens/${created.id}`, { token: created.token })).status).toBe(204);
    const after = await get("/api/v1/me", { token: created.token });
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
  });
});

describe("tokens", () => {
  it("lists tokens without secrets and records when one was last used, at most once a minute", async () => {
    const m = await createMember();
    const token = await tokenFor(m.email, KNOWN_PASSWORD, "CI bot");
    const listed = await get("/api/v1/tokens", { token });
    expect(listed.body.items).toHaveLength(1);
    const [item] = listed.body.items;
    expect(item).toMatchObject({ name: "CI bot", prefix: token.slice(4, 12), lastUsedAt: NOW.toISOString() });
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(12));
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.tokenHash).not.toContain(token.slice(4));

    setClockForTests(new Date(NOW.getTime() + 30_000));
    await get("/api/v1/me", { token });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: item.id } })).lastUsedAt).toEqual(NOW);
    setClockForTests(new Date(NOW.getTime() + 61_000));
    await get("/api/v1/me", { token });
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id: item.id } })).lastUsedAt).toEqual(new Date(NOW.getTime() + 61_000));
    setClockForTests(NOW);
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const m = await createMember();
    const wrong = await post("/api/v1/tokens", { email: m.email, password: "not the password", name: "x" });
    const unknown = await post("/api/v1/tokens", { email: "nobody@example.test", password: "not the password", name: "x" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(await t.db.apiToken.count({ where: { memberId: m.id } })).toBe(0);
  });

  it("answers 403 suspended for a suspended member, with a token or with a password", async () => {
    const m = await createMember({ suspendedAt: new Date(NOW.getTime() - 1000), suspendedReason: "spam" });
    const { token } = await createToken(t.db, { memberId: m.id, input: { name: "before" }, now: NOW });
    const res = await get("/api/v1/me", { token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("suspended");
    const viaPassword = await post("/api/v1/tokens", { email: m.email, password: KNOWN_PASSWORD, name: "after" });
    expect(viaPassword.status).toBe(403);
  });
});

describe("a member's private resources are not found for anyone else", () => {
  it("another member's token, logged interaction and request", async () => {
    const [a, b, c] = [await createMember(), await createMember(), await createMember()];
    const [ta, tb, tc] = await Promise.all([a, b, c].map((m) => createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW })));

    // another member's token id
    const revoke = await del(`/api/v1/tokens/${ta.id}`, { token: tb.token });
    expect(revoke.status).toBe(404);
    expect(revoke.body.code).toBe("not_found");
    expect((await get("/api/v1/me", { token: ta.token })).status).toBe(200);

    // a logged interaction from a to c: b can neither confirm nor see it; a (its actor) cannot confirm it either
    const logged = await post(
      "/api/v1/interactions",
      { target: c.handle, platform: "event", kind: "met_in_person", occurredOn: NOW.toISOString().slice(0, 10) },
      { token: ta.token },
    );
    expect(logged.status).toBe(201);
    for (const token of [tb.token, ta.token]) {
      const res = await post(`/api/v1/interactions/${logged.body.id}/confirm`, undefined, { token });
      expect(res.status).toBe(404);
      expect(res.body).not.toHaveProperty("evaluation");
    }
    expect((await post(`/api/v1/interactions/${logged.body.id}/withdraw`, undefined, { token: tb.token })).status).toBe(404);
    const bSees = await get("/api/v1/interactions?role=target", { token: tb.token });
    expect(bSees.body.items).toEqual([]);

    // a request from a to c: b cannot read, accept, decline or withdraw it; a cannot accept their own
    await createInteraction({ actorId: a.id, targetId: c.id, kind: "comment", occurredAt: new Date(NOW.getTime() - 3 * 86_400_000) });
    await createInteraction({ actorId: a.id, targetId: c.id, kind: "comment", occurredAt: new Date(NOW.getTime() - 86_400_000) });
    const sent = await post("/api/v1/connection-requests", { to: c.handle, note: "We met at the meetup and talked about API design for an hour." }, { token: ta.token });
    expect(sent.status).toBe(201);
    expect((await get(`/api/v1/connection-requests/${sent.body.id}`, { token: tb.token })).status).toBe(404);
    expect((await post(`/api/v1/connection-requests/${sent.body.id}/accept`, undefined, { token: tb.token })).status).toBe(404);
    expect((await post(`/api/v1/connection-requests/${sent.body.id}/decline`, { reason: "no" }, { token: tb.token })).status).toBe(404);
    expect((await post(`/api/v1/connection-requests/${sent.body.id}/withdraw`, undefined, { token: tb.token })).status).toBe(404);
    expect((await post(`/api/v1/connection-requests/${sent.body.id}/accept`, undefined, { token: ta.token })).status).toBe(404);
    expect((await t.db.connectionRequest.findUniqueOrThrow({ where: { id: sent.body.id } })).status).toBe("pending");

    // the requester sees the request, but not the recipient's snapshot
    const own = await get(`/api/v1/connection-requests/${sent.body.id}`, { token: ta.token });
    expect(own.body).toMatchObject({ viewerRole: "requester", snapshot: null });
    const theirs = await get(`/api/v1/connection-requests/${sent.body.id}`, { token: tc.token });
    expect(theirs.body.snapshot.evaluation.status).toBe("warm");
  });

  it("a member who blocked the caller is not found, never forbidden", async () => {
    const [a, b] = [await createMember(), await createMember()];
    const [ta, tb] = await Promise.all([a, b].map((m) => createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW })));
    expect((await post("/api/v1/blocks", { handle: b.handle }, { token: ta.token })).status).toBe(201);
    for (const p of [`/api/v1/members/${a.handle}`, `/api/v1/members/${a.handle}/warmup`, `/api/v1/members/${a.handle}/interactions`]) {
      const res = await get(p, { token: tb.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
    const ask = await post("/api/v1/connection-requests", { to: a.handle, note: "We met at the meetup and talked about API design for an hour." }, { token: tb.token });
    expect(ask.status).toBe(404);
    // the blocker still sees them, marked as blocked
    const seen = await get(`/api/v1/members/${b.handle}`, { token: ta.token });
    expect(seen.body.relationship).toMatchObject({ status: "blocked", blockedByYou: true });
    expect((await del(`/api/v1/blocks/${b.handle}`, { token: ta.token })).status).toBe(204);
  });
});

describe("the browser session", () => {
  async function sessionCookie(memberId: string) {
    const jwt = await encode({ token: { sub: memberId }, secret: authSecret(), maxAge: 3600 });
    return `${sessionCookieName()}=${jwt}`;
  }

  it("reads with the session cookie and writes only from the same site", async () => {
    const m = await createMember();
    const cookie = await sessionCookie(m.id);
    expect((await get("/api/v1/me", { cookie })).body.handle).toBe(m.handle);

    const body = { body: "Posted from the browser." };
    const noOrigin = await post("/api/v1/posts", body, { cookie });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.code).toBe("forbidden");
    expect((await post("/api/v1/posts", body, { cookie, headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await post("/api/v1/posts", body, { cookie, headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } })).status).toBe(403);
    expect(await t.db.post.count({ where: { authorId: m.id } })).toBe(0);

    expect((await post("/api/v1/posts", body, { cookie, headers: { origin: "http://localhost" } })).status).toBe(201);
    expect((await post("/api/v1/posts", body, { cookie, headers: { "sec-fetch-site": "same-origin" } })).status).toBe(201);
  });

  it("lets a bearer token write from anywhere, and ignores a cookie that does not decode", async () => {
    const m = await createMember();
    const { token } = await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW });
    expect((await post("/api/v1/posts", { body: "From a script." }, { token, headers: { origin: "https://elsewhere.example" } })).status).toBe(201);
    expect((await get("/api/v1/me", { cookie: `${sessionCookieName()}=not-a-jwt` })).status).toBe(401);
  });
});
