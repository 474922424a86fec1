import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { problemFromError } from "@/lib/server/api/problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "@/lib/server/errors";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { call, get, post, put } from "./http";

const t = useTestDatabase();
const NOW = new Date(Date.now() + 86_400_000);
let token = "";

beforeAll(async () => {
  setClockForTests(NOW);
  const m = await createMember({ handle: "errs" });
  token = (await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW })).token;
});
afterAll(() => setClockForTests(undefined));

const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe("bad input gets a 4xx problem naming the field, never a 500", () => {
  it("malformed JSON", async () => {
    const res = await call("POST", "/api/v1/posts", { token, raw: '{"body": "unfinished', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation");
    expect(res.body.detail).toMatch(/Malformed JSON/);
    expect(fields(res.body)).toEqual(["body"]);
  });

  it("a body that is not an object, and a missing body", async () => {
    const array = await call("POST", "/api/v1/posts", { token, raw: "[1,2]" });
    expect(array.status).toBe(400);
    const missing = await call("POST", "/api/v1/connection-requests", { token });
    expect(missing.status).toBe(400);
    expect(fields(missing.body).sort()).toEqual(["note", "to"]);
  });

  it("wrong types", async () => {
    const post1 = await post("/api/v1/posts", { body: 42 }, { token });
    expect(post1.status).toBe(400);
    expect(fields(post1.body)).toEqual(["body"]);
    const policy = await put("/api/v1/me/policy", { preset: "custom", minPoints: "lots", minInteractions: 1, minDistinctDays: 1, minSpanDays: 0, requireConversation: true, requireReciprocity: false }, { token });
    expect(policy.status).toBe(400);
    expect(fields(policy.body)).toContain("minPoints");
    const preset = await put("/api/v1/me/policy", { preset: "lenient" }, { token });
    expect(preset.status).toBe(400);
    expect(fields(preset.body)).toEqual(["preset"]);
    const decline = await post("/api/v1/connection-requests/whatever/decline", { reason: "maybe" }, { token });
    expect([400, 404]).toContain(decline.status);
  });

  it.each([
    ["null", null],
    ['""', ""],
    ["false", false],
    ["[]", []],
    ["true", true],
    ['"5"', "5"],
  ])("a protocol number sent as %s: 400 naming it, on PUT and preview, and nothing saved", async (_, value) => {
    const body = { preset: "custom", minPoints: value, minInteractions: 1, minDistinctDays: 1, minSpanDays: 0, requireConversation: false, requireReciprocity: false };
    for (const res of [await put("/api/v1/me/policy", body, { token }), await post("/api/v1/me/policy/preview", body, { token })]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: "minPoints", message: "Points must be a number." }]);
    }
    const setting = await put("/api/v1/me/policy", { preset: "standard", freshnessDays: value }, { token });
    expect(setting.status).toBe(400);
    expect(fields(setting.body)).toEqual(["freshnessDays"]);
    expect((await get("/api/v1/me/policy", { token })).body).toMatchObject({ preset: "standard", minPoints: 6 });
  });

  it("a protocol with real numbers is saved", async () => {
    const res = await put("/api/v1/me/policy", { preset: "custom", minPoints: 5, minInteractions: 1, minDistinctDays: 1, minSpanDays: 0, requireConversation: false, requireReciprocity: false }, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preset: "custom", minPoints: 5 });
    expect((await put("/api/v1/me/policy", { preset: "standard" }, { token })).status).toBe(200);
  });

  it("a handle naming another member reads as a reference, never as a sign-up handle", async () => {
    const note = "We met at the meetup and talked about gardens for an hour.";
    const short = await post("/api/v1/connection-requests", { to: "ab", note }, { token });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ field: "to", message: "That handle is too short — handles have at least 3 characters." }]);
    const missing = await post("/api/v1/connection-requests", { note }, { token });
    expect(missing.body.errors).toEqual([{ field: "to", message: "Enter a member's handle, like grace_kim." }]);
    const reserved = await post("/api/v1/connection-requests", { to: "suggestions", note }, { token });
    expect(reserved.status).toBe(404);
    expect(JSON.stringify(reserved.body)).not.toMatch(/taken/i);
    const block = await post("/api/v1/blocks", { handle: "ab" }, { token });
    expect(block.body.errors).toEqual([{ field: "handle", message: "That handle is too short — handles have at least 3 characters." }]);
  });

  it("unknown fields, each named", async () => {
    const res = await post("/api/v1/posts", { body: "Hello", mood: "great", colour: "red" }, { token });
    expect(res.status).toBe(400);
    expect(fields(res.body).sort()).toEqual(["colour", "mood"]);
    expect(res.body.errors[0].message).toMatch(/Unknown field/);
    const noBodyRoute = await post("/api/v1/notifications/read", { all: true }, { token });
    expect(noBodyRoute.status).toBe(400);
    expect(fields(noBodyRoute.body)).toEqual(["all"]);
    expect((await post("/api/v1/notifications/read", {}, { token })).status).toBe(200);
    const signup = await post("/api/v1/signup", { email: "x@example.test", password: "long enough pass", handle: "xyz", name: "X", role: "admin" });
    expect(fields(signup.body)).toEqual(["role"]);
    const tokenReq = await post("/api/v1/tokens", { email: "x@example.test", password: "long enough pass", name: "n", scope: "all" });
    expect(fields(tokenReq.body)).toEqual(["scope"]);
    expect(await t.db.post.count()).toBe(0);
  });

  it("the API's own field names in service errors (target, not targetHandle)", async () => {
    const res = await post("/api/v1/interactions", { target: "nobody_here", platform: "event", kind: "other", occurredOn: NOW.toISOString().slice(0, 10) }, { token });
    expect(res.status).toBe(404);
    expect(fields(res.body)).toEqual(["target"]);
    const noLink = await post("/api/v1/interactions", { target: "errs", platform: "x", kind: "reply", occurredOn: NOW.toISOString().slice(0, 10) }, { token });
    expect(noLink.status).toBe(400);
    expect(fields(noLink.body)).toEqual(["evidenceUrl"]);
  });

  it("query parameters: range, unknown names and cursors", async () => {
    expect(fields((await get("/api/v1/posts?limit=0", { token })).body)).toEqual(["limit"]);
    expect(fields((await get("/api/v1/posts?limit=101", { token })).body)).toEqual(["limit"]);
    expect(fields((await get("/api/v1/posts?sort=new", { token })).body)).toEqual(["sort"]);
    expect(fields((await get("/api/v1/posts?cursor=nonsense", { token })).body)).toEqual(["cursor"]);
    expect(fields((await get("/api/v1/connections?cursor=nonsense", { token })).body)).toEqual(["cursor"]);
    expect(fields((await get("/api/v1/connection-requests?status=settled&cursor=nonsense", { token })).body)).toEqual(["cursor"]);
    expect(fields((await get("/api/v1/connection-requests?direction=sideways", { token })).body)).toEqual(["direction"]);
    expect((await get("/api/v1/posts?limit=5", { token })).status).toBe(200);
  });

  it("oversized bodies: 413, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ body: "x".repeat(70 * 1024) });
    const declared = await call("POST", "/api/v1/posts", { token, raw: big, headers: { "content-type": "application/json" } });
    expect(declared.status).toBe(413);
    expect(declared.body.code).toBe("payload_too_large");

    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 8192) c.enqueue(bytes.slice(i, i + 8192));
        c.close();
      },
    });
    const streamed = await call("POST", "/api/v1/posts", { token, raw: stream, headers: { "content-type": "application/json" } });
    expect(streamed.status).toBe(413);
    expect(await t.db.post.count()).toBe(0);
  });

  it("unknown ids and handles are 404 problems; unknown addresses too", async () => {
    expect((await get("/api/v1/posts/does-not-exist", { token })).status).toBe(404);
    expect((await get("/api/v1/members/Not A Handle!", { token })).status).toBe(404);
    const nowhere = await get("/api/v1/nowhere/at/all", { token });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.code).toBe("not_found");
  });
});

describe("limits and refusals carry when they free up", () => {
  it("Retry-After and retryAt on a rate limit", async () => {
    const m = await createMember();
    const { token: tk } = await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW });
    await t.db.appSettings.upsert({ where: { id: 1 }, create: { id: 1, values: { content: { postsPerHour: 1 } } }, update: { values: { content: { postsPerHour: 1 } } } });
    try {
      expect((await post("/api/v1/posts", { body: "one" }, { token: tk })).status).toBe(201);
      const res = await post("/api/v1/posts", { body: "two" }, { token: tk });
      expect(res.status).toBe(429);
      expect(res.body.code).toBe("rate_limited");
      expect(new Date(res.body.retryAt).getTime()).toBe(NOW.getTime() + 3_600_000);
      expect(res.headers.get("retry-after")).toBe("3600");
    } finally {
      await t.db.appSettings.deleteMany();
    }
  });
});

describe("unexpected failures", () => {
  it("become a 500 problem without internals", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = problemFromError(new Error("relation \"secret_table\" does not exist at /srv/app/lib/x.ts:12"));
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(body.code).toBe("internal");
    expect(JSON.stringify(body)).not.toMatch(/secret_table|srv|stack/);
    spy.mockRestore();
  });

  it("a database that cannot be reached is a 503 with Retry-After", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const holder = globalThis as unknown as { __rapportDb?: Promise<unknown> };
    const real = holder.__rapportDb;
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const failing = Promise.reject(refused);
    failing.catch(() => {});
    holder.__rapportDb = failing;
    try {
      const res = await get("/api/v1/me", { token });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe("unavailable");
      expect(res.headers.get("retry-after")).toBe("30");
      expect(JSON.stringify(res.body)).not.toContain("5432");
    } finally {
      holder.__rapportDb = real;
      spy.mockRestore();
    }
  });

  it.each([
    ["Prisma P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["adapter DatabaseNotReachable", Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })],
    ["wrapped ECONNRESET", new Error("query failed", { cause: Object.assign(new Error("socket"), { code: "ECONNRESET" }) })],
    ["server shutting down", Object.assign(new Error("terminating connection"), { code: "57P01" })],
  ])("recognises %s as the database being unavailable", (_name, e) => {
    expect(isDatabaseUnavailable(e)).toBe(true);
  });

  it("does not mistake an expected failure or a plain bug for an outage", () => {
    expect(isDatabaseUnavailable(new AppError("not_found", "x"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
  });
});
