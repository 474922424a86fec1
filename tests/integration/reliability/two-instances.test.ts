import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db, type OpenedDb } from "@/lib/db/create-client";
import { setDbForTests } from "@/lib/server/db";
import { outcome } from "@/tests/support/outcome";
import { createPost } from "@/lib/server/services/posts/create-post";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { createMember, createMembers } from "@/tests/factories/members";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { NOTE, NOW, setAppSettings, warmUp } from "../requests/helpers";

/**
 * Several app instances share one database: two separate Prisma clients with their own
 * connection pools stand in for two processes. Every limit must hold across them — so no
 * in-process state (a Map, a counter) may decide any of it.
 *
 * Which instance a call uses: each service is handed its instance's client (`on(a, (db) =>
 * …)`), and that client is also installed for the call, for anything the service reads
 * through getDb() (each instance counts the queries it ran, to prove both were really used).
 */
const onServer = Boolean(serverUrl());
const t = useTestDatabase();

type Instance = { opened: OpenedDb; queries: number };
let a: Instance;
let b: Instance;

async function openInstance(url: string): Promise<Instance> {
  const opened = await openDatabase({ kind: "postgres", url });
  const inst: Instance = { opened, queries: 0 };
  const counting = opened.db.$extends({
    query: {
      $allOperations: ({ args, query }) => {
        inst.queries++;
        return query(args);
      },
    },
  }) as unknown as OpenedDb["db"];
  inst.opened = { ...opened, db: counting };
  return inst;
}

/** Starts `fn` on an instance (the call picks its client up before its first await). */
function on<T>(inst: Instance, fn: (db: Db) => Promise<T>): Promise<T> {
  setDbForTests(inst.opened);
  try {
    return fn(inst.opened.db);
  } finally {
    setDbForTests(t.opened);
  }
}

beforeAll(async () => {
  if (!onServer) return;
  const url = (t.opened.target as { url: string }).url;
  a = await openInstance(url);
  b = await openInstance(url);
});
afterAll(async () => {
  await a?.opened.close();
  await b?.opened.close();
});
beforeEach(async () => {
  if (!onServer) return;
  await t.reset();
  a.queries = 0;
  b.queries = 0;
});

describe.skipIf(!onServer)("two app instances, one PostgreSQL database", () => {
  it("share the posting limit: 12 posts at once, half through each, limit 4 → 4", async () => {
    await setAppSettings(t.db, { content: { postsPerHour: 4 } });
    const ana = await createMember();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => outcome(on(i % 2 ? a : b, (db) => createPost(db, { authorId: ana.id, input: { body: `post ${i}` }, now: NOW })))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(4);
    expect(results.filter((r) => r !== "ok").every((r) => r === "rate_limited")).toBe(true);
    expect(await t.db.post.count()).toBe(4);
    expect(a.queries).toBeGreaterThan(0);
    expect(b.queries).toBeGreaterThan(0);
  });

  it("share the weekly request budget: 10 sends at once across both, 3 left → 3", async () => {
    await setAppSettings(t.db, { requests: { weeklyLimit: 3 } });
    const ben = await createMember();
    const others = await createMembers(10);
    for (const o of others) await warmUp(ben.id, o.id);
    const results = await Promise.all(others.map((o, i) => outcome(on(i % 2 ? a : b, (db) => sendRequest(db, { requesterId: ben.id, input: { to: o.handle, note: NOTE }, now: NOW })))));
    expect(results.filter((r) => r === "ok")).toHaveLength(3);
    expect(results.filter((r) => r !== "ok").every((r) => r === "weekly_limit")).toBe(true);
    expect(await t.db.connectionRequest.count()).toBe(3);
  });

  it("share sign-in throttling: failures on one instance lock the account on the other", async () => {
    const m = await createMember();
    for (let i = 0; i < 5; i++) {
      const r = await on(i % 2 ? a : b, (db) => signInWithPassword(db, { input: { email: m.email, password: "wrong password" }, ip: `198.51.100.${i}`, now: NOW }));
      expect(r.ok).toBe(false);
    }
    for (const inst of [a, b]) {
      const r = await on(inst, (db) => signInWithPassword(db, { input: { email: m.email, password: "wrong password" }, ip: "198.51.100.77", now: NOW }));
      expect(!r.ok && r.error.code).toBe("rate_limited");
    }
  });

  it("share sign-up throttling: 16 sign-ups at once from one address across both → 10 accounts", async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        outcome(on(i % 2 ? a : b, (db) => signUp(db, { input: { email: `n${i}@example.test`, password: "a long enough password", handle: `n_two_${i}`, name: "N" }, ip: "198.51.100.200", now: NOW }))),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    expect(results.filter((r) => r !== "ok").every((r) => r === "rate_limited")).toBe(true);
    expect(await t.db.member.count()).toBe(10);
  });
});
