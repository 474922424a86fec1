import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_ROUTES } from "@/lib/server/api/openapi-registry";
import { buildOpenApiDocument } from "@/lib/server/api/openapi";
import { authSecret } from "@/lib/server/auth/secret";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/validation/api/token";
import { callRoute, discoverRoutes, routeName, type DiscoveredRoute } from "@/tests/support/api-routes";
import { createAdmin, createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { buildWorld, requestFor } from "./world";

/**
 * Token scopes over every API route, generated from the routes on disk and their specs: for
 * each member route, a token holding every scope *but* the one the spec declares is refused
 * with 403 `insufficient_scope` naming it, and a token holding *only* that scope gets past
 * the check (whatever the rules then answer). A new route without a scope fails to compile
 * (RouteSpec), and one without a spec fails here.
 */
const t = useTestDatabase();

const specOf = (r: DiscoveredRoute) => API_ROUTES.find((s) => s.method === r.method && s.path === r.path);

let routes: DiscoveredRoute[] = [];
beforeAll(async () => {
  routes = (await discoverRoutes()).filter((r) => specOf(r)?.auth === "member");
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(() => vi.restoreAllMocks());

describe("token scopes over every member route", () => {
  it("finds every member route of the registry on disk", () => {
    expect(routes.length).toBe(API_ROUTES.filter((s) => s.auth === "member").length);
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  it("refuses a token without the route's scope, naming it, and lets one with only that scope through", async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const spec = specOf(route)!;
      const scope = spec.auth === "member" ? spec.scope : "read";
      await t.reset();
      const now = new Date();
      const w = await buildWorld(t.db, now);
      // The admin of the world may hold every scope, admin included.
      const holder = w.members.admin.id;
      const without = TOKEN_SCOPES.filter((s) => s !== scope);
      const lacking = (await createToken(t.db, { memberId: holder, input: { name: "lacking", scopes: without }, now })).token;
      const only = (await createToken(t.db, { memberId: holder, input: { name: "only", scopes: [scope] }, now })).token;

      const refused = await callRoute(route, { ...requestFor(route, w), token: lacking });
      const body = refused.json as { code?: string; requiredScope?: string; detail?: string } | undefined;
      if (refused.status !== 403 || body?.code !== "insufficient_scope" || body.requiredScope !== scope || !body.detail?.includes(`“${scope}”`)) {
        mismatches.push(`${routeName(route)} without ${scope}: ${refused.status} ${refused.text.slice(0, 160)}`);
      }
      if (refused.status === 403) {
        expect(refused.headers.get("content-type")).toBe("application/problem+json");
        expect(refused.headers.get("www-authenticate")).toBe(`Bearer realm="rapport", error="insufficient_scope", scope="${scope}"`);
      }

      const accepted = await callRoute(route, { ...requestFor(route, w), token: only });
      const code = (accepted.json as { code?: string } | undefined)?.code;
      if (accepted.status === 401 || code === "insufficient_scope" || accepted.status >= 500) {
        mismatches.push(`${routeName(route)} with only ${scope}: ${accepted.status} ${accepted.text.slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);
});

describe("what a token may be given", () => {
  it("gives admin only to administrators", async () => {
    const m = await createMember();
    const a = await createAdmin();
    const now = new Date();
    await expect(createToken(t.db, { memberId: m.id, input: { name: "x", scopes: ["admin"] }, now })).rejects.toMatchObject({ code: "validation", fields: { scopes: [expect.stringMatching(/administrators/)] } });
    expect((await createToken(t.db, { memberId: a.id, input: { name: "x", scopes: ["admin", "read"] }, now })).scopes).toEqual(["read", "admin"]);
    expect(await t.db.apiToken.count({ where: { memberId: m.id } })).toBe(0);
  });

  it("refuses no scopes and unknown scopes, and defaults to 90 days and read + write:*", async () => {
    const m = await createMember();
    const now = new Date("2026-11-28T12:00:00Z");
    await expect(createToken(t.db, { memberId: m.id, input: { name: "x", scopes: [] }, now })).rejects.toMatchObject({ code: "validation" });
    await expect(createToken(t.db, { memberId: m.id, input: { name: "x", scopes: ["write:everything" as TokenScope] }, now })).rejects.toMatchObject({ code: "validation" });
    await expect(createToken(t.db, { memberId: m.id, input: { name: "x", expiresInDays: 0 }, now })).rejects.toMatchObject({ code: "validation" });
    const made = await createToken(t.db, { memberId: m.id, input: { name: "x" }, now });
    expect(made.scopes).toEqual(["read", "write:content", "write:requests"]);
    expect(made.expiresAt?.toISOString()).toBe("2027-02-26T12:00:00.000Z");
    expect((await createToken(t.db, { memberId: m.id, input: { name: "y", expiresInDays: "never" }, now })).expiresAt).toBeNull();
  });
});

describe("who is limited", () => {
  it("does not limit a browser session by scopes", async () => {
    const m = await createMember();
    const cookie = `${sessionCookieName()}=${await encode({ token: { sub: m.id }, secret: authSecret(), maxAge: 3600 })}`;
    const route = (await discoverRoutes()).find((r) => routeName(r) === "PATCH /me")!;
    const res = await callRoute(route, {
      json: { headline: "By session" },
      headers: { cookie, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(200);
  });

  it("refuses an expired token with 401 token_expired, and says when it expired", async () => {
    const m = await createMember();
    const past = new Date(Date.now() - 10 * 86_400_000);
    const made = await createToken(t.db, { memberId: m.id, input: { name: "short", expiresInDays: 1 }, now: past });
    const route = (await discoverRoutes()).find((r) => routeName(r) === "GET /me")!;
    const res = await callRoute(route, { token: made.token });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ code: "token_expired", expiredAt: made.expiresAt!.toISOString() });
    expect((res.json as { detail: string }).detail).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    expect(res.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    // audited with the address, once a day however often a forgotten script retries
    await callRoute(route, { token: made.token, headers: { "x-forwarded-for": "203.0.113.8" } });
    await Promise.all([1, 2, 3].map(() => callRoute(route, { token: made.token })));
    const audits = await t.db.auditEvent.findMany({ where: { action: "token.expired_used", subjectId: made.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: m.id, subjectType: "api_token" });
  });

  it("records the last use's time and address at most once a minute", async () => {
    const m = await createMember();
    const made = await createToken(t.db, { memberId: m.id, input: { name: "x", scopes: ["read"] }, now: new Date() });
    const route = (await discoverRoutes()).find((r) => routeName(r) === "GET /me")!;
    await callRoute(route, { token: made.token, headers: { "x-forwarded-for": "203.0.113.7" } });
    await callRoute(route, { token: made.token, headers: { "x-forwarded-for": "198.51.100.9" } });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(row.lastUsedIp).toBe("203.0.113.7"); // the second call, within the minute, wrote nothing
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("the OpenAPI document", () => {
  it("states each member operation's scope in its security requirement and x-required-scope", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { security: unknown; "x-required-scope"?: string; description?: string }>> };
    for (const spec of API_ROUTES.filter((s) => s.auth === "member")) {
      const op = doc.paths[`/api/v1${spec.path}`][spec.method.toLowerCase()];
      const scope = spec.auth === "member" ? spec.scope : null;
      expect(op.security, `${spec.method} ${spec.path}`).toEqual([{ bearerAuth: [scope] }, { sessionCookie: [] }]);
      expect(op["x-required-scope"]).toBe(scope);
      expect(op.description).toContain(`Token scope: \`${scope}\``);
    }
  });
});
