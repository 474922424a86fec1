import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { setDbForTests } from "@/lib/server/db";
import { problemFromError } from "@/lib/server/api/problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { callRoute, discoverRoutes, type DiscoveredRoute } from "@/tests/support/api-routes";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { startTcpProxy, type TcpProxy } from "@/tests/support/tcp-proxy";
import { createMember } from "@/tests/factories/members";

/**
 * The database goes away and comes back (a restart, a failover, a network blip): requests in
 * between fail fast with 503 problem+json `unavailable` — bounded by the pool's 5-second
 * connection timeout, never hanging — and the same app process serves again once it is back,
 * without a restart. A TCP proxy between the app's client and PostgreSQL plays the outage.
 */
const onServer = Boolean(serverUrl());
const t = useTestDatabase();

let proxy: TcpProxy;
let app: OpenedDb;
let token = "";
let me: DiscoveredRoute;
let createPostRoute: DiscoveredRoute;
const logged: unknown[][] = [];

beforeAll(async () => {
  const routes = await discoverRoutes();
  me = routes.find((r) => r.method === "GET" && r.path === "/me")!;
  createPostRoute = routes.find((r) => r.method === "POST" && r.path === "/posts")!;
  if (!onServer) return;
  const direct = new URL((t.opened.target as { url: string }).url);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxy.port);
  app = await openDatabase({ kind: "postgres", url: viaProxy.toString() });
  const m = await createMember();
  token = (await createToken(t.db, { memberId: m.id, input: { name: "restart" }, now: new Date() })).token;
  setDbForTests(app); // the app under test talks to PostgreSQL only through the proxy
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
});
afterAll(async () => {
  vi.restoreAllMocks();
  setDbForTests(t.opened);
  await app?.close().catch(() => {});
  await proxy?.close();
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

describe.skipIf(!onServer)("the database restarts under a running app", () => {
  it("serves through the proxy", async () => {
    expect((await callRoute(me, { token })).status).toBe(200);
    expect(proxy.accepted).toBeGreaterThan(0);
  });

  it("answers 503 unavailable during the outage, within the pool's timeout, for reads and writes", { timeout: 60_000 }, async () => {
    await proxy.cut();
    for (const call of [() => callRoute(me, { token }), () => callRoute(createPostRoute, { token, json: { body: "during the outage" } })]) {
      const { value: res, ms } = await timed(call);
      expect(res.status, res.text).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("retry-after")).toBe("30");
      expect((res.json as { code: string }).code).toBe("unavailable");
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres|prisma/i);
      expect(ms).toBeLessThan(10_000);
    }
    expect(logged.some((args) => String(args[0]).includes("database unavailable"))).toBe(true);
  });

  it("serves again with the same client once the database is back — no restart", { timeout: 60_000 }, async () => {
    await proxy.restore();
    const res = await callRoute(me, { token });
    expect(res.status, res.text).toBe(200);
    const post = await callRoute(createPostRoute, { token, json: { body: "after the outage" } });
    expect(post.status, post.text).toBe(201);
    expect(await t.db.post.count({ where: { body: "during the outage" } })).toBe(0);
  });

  it("a database that accepts connections but never answers: 503 after the pool's 5-second timeout, not a hang", { timeout: 60_000 }, async () => {
    await proxy.blackhole();
    // The pooled connections die with the switch (that first answer is a quick 503); the next
    // request has to open a new connection, into the silence.
    expect((await callRoute(me, { token })).status).toBe(503);
    const { value: res, ms } = await timed(() => callRoute(me, { token }));
    expect(res.status, res.text).toBe(503);
    expect((res.json as { code: string }).code).toBe("unavailable");
    expect(ms).toBeGreaterThan(3_000); // it did wait for the server…
    expect(ms).toBeLessThan(10_000); // …but not forever
    await proxy.restore();
    expect((await callRoute(me, { token })).status).toBe(200);
  });

  it("an outage in the middle of a transaction is also a 503, and rolls back", { timeout: 60_000 }, async () => {
    // Cut the line while a write transaction is open: the first query goes through, then the
    // connection dies under it.
    const db = app.db;
    const res = await db
      .$transaction(async (tx) => {
        await tx.post.create({ data: { authorId: (await tx.member.findFirstOrThrow()).id, body: "half a transaction" } });
        await proxy.cut();
        await tx.post.count();
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(res).not.toBeNull();
    expect(isDatabaseUnavailable(res), String(res)).toBe(true);
    expect(problemFromError(res).status).toBe(503);
    await proxy.restore();
    expect(await t.db.post.count({ where: { body: "half a transaction" } })).toBe(0);
    expect((await callRoute(me, { token })).status).toBe(200);
  });
});

describe("what counts as the database being unavailable", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a reset connection", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["pg's terminated connection", new Error("Connection terminated unexpectedly")],
    ["pg's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a connection closed under a query", new Error("Client has encountered a connection error and is not queryable")],
    ["Prisma P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["Prisma P1017", Object.assign(new Error("Server has closed the connection."), { code: "P1017" })],
    ["Prisma P2028 (no transaction in time)", Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" })],
    ["an adapter error caused by DatabaseNotReachable", Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } })],
    ["an adapter error caused by ConnectionClosed", Object.assign(new Error("x"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } })],
    ["PostgreSQL shutting down (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
  ])("%s → 503", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
