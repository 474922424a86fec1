import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/server/errors";
import { getDb, getRootDb } from "@/lib/server/db";
import { setViewerForTests } from "@/lib/server/auth/session";
import { loadViewer } from "@/lib/server/auth/viewer";
import { inUnitOfWork } from "@/lib/server/unit-of-work";
import { SUBMISSION_FIELD } from "@/lib/server/idempotency/submission";
import { createPost as createPostService } from "@/lib/server/services/posts/create-post";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

/**
 * A write and its answer commit together (lib/server/unit-of-work.ts), on both databases.
 * What a member would notice if this broke: a post that "failed" but shows up anyway, a
 * refused post that half-exists, a failed sign-in that was not counted, or a double click
 * on "Post" that posts twice.
 */
const t = useTestDatabase();
let ana: FactoryMember;

beforeAll(async () => {
  ana = await createMember();
});
afterAll(() => setViewerForTests(undefined));

const postsBy = (id: string) => t.db.post.count({ where: { authorId: id } });

describe("a unit of work", () => {
  it("sees its own writes, and getDb() inside it is its transaction", async () => {
    const seen = await inUnitOfWork(await getRootDb(), async (db) => {
      expect(await getDb()).toBe(db);
      const post = await createPostService(db, { authorId: ana.id, input: { body: "inside" }, now: new Date() });
      return (await getDb()).post.findUnique({ where: { id: post.id } });
    });
    expect(seen?.body).toBe("inside");
    expect(await getDb()).toBe(t.db); // outside again: the root client
  });

  it("rolls everything back when something unexpected fails after the service committed its part", async () => {
    const before = await postsBy(ana.id);
    await expect(
      inUnitOfWork(await getRootDb(), async (db) => {
        await createPostService(db, { authorId: ana.id, input: { body: "lost with the connection" }, now: new Date() });
        throw new Error("the connection dropped while the answer was being read");
      }),
    ).rejects.toThrow(/connection dropped/);
    expect(await postsBy(ana.id)).toBe(before);
  });

  it("on an expected refusal keeps what was written outside the refusing service, and nothing of the service", async () => {
    const before = await postsBy(ana.id);
    const marker = `outside-${Date.now()}`;
    await expect(
      inUnitOfWork(await getRootDb(), async (db) => {
        // like a sign-in attempt counted before the password check
        await db.authAttempt.create({ data: { kind: "test", key: marker, success: false } });
        await db.$transaction(async (tx) => {
          await tx.post.create({ data: { authorId: ana.id, body: "refused half-way" } });
          throw new AppError("conflict", "refused after a write inside the service");
        });
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await postsBy(ana.id)).toBe(before);
    expect(await t.db.authAttempt.count({ where: { key: marker } })).toBe(1);
  });

  it("a failed statement inside a service's transaction is rolled back to its savepoint, and the unit of work goes on", async () => {
    const other = await createMember();
    const body = `after a unique violation ${Date.now()}`;
    await inUnitOfWork(await getRootDb(), async (db) => {
      await expect(db.$transaction((tx) => tx.member.create({ data: { ...memberLike(other), id: other.id } }))).rejects.toThrow();
      await createPostService(db, { authorId: ana.id, input: { body }, now: new Date() });
    });
    expect(await t.db.post.count({ where: { body } })).toBe(1);
  });
});

describe("a write whose connection dies under it", () => {
  it.runIf(Boolean(serverUrl()))("reports the outage (503), not what surfaced first (PostgreSQL)", async () => {
    const error = await inUnitOfWork(await getRootDb(), async (db) => {
      const [{ pid }] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await t.db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`; // from another connection
      throw new TypeError("Cannot read properties of undefined (reading 'map')"); // what a dead query once led to
    }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect((error as AggregateError).errors.some((e) => e instanceof TypeError)).toBe(true);
  });

  it("a bug on a healthy connection stays a bug (500)", async () => {
    const error = await inUnitOfWork(await getRootDb(), async () => {
      throw new TypeError("a plain bug");
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("a form submitted twice with one submission key", () => {
  it("posts once; the same form with other words is a new post; no key posts each time", async () => {
    const { createPostAction } = await import("@/lib/server/actions/feed");
    setViewerForTests(await loadViewer(ana.id, new Date()));
    const form = (body: string, key?: string) => {
      const f = new FormData();
      f.set("body", body);
      if (key) f.set(SUBMISSION_FIELD, key);
      return f;
    };
    const before = await postsBy(ana.id);
    const key = "0123456789abcdef0123456789abcdef";
    const [a, b] = await Promise.all([createPostAction({}, form("double click", key)), createPostAction({}, form("double click", key))]);
    expect(a.ok && b.ok).toBe(true);
    expect(await postsBy(ana.id)).toBe(before + 1);
    await createPostAction({}, form("double click, then edited", key));
    expect(await postsBy(ana.id)).toBe(before + 2);
    await createPostAction({}, form("no key"));
    await createPostAction({}, form("no key"));
    expect(await postsBy(ana.id)).toBe(before + 4);
  });
});

function memberLike(m: FactoryMember) {
  return { email: `dup-${m.email}`, handle: `dup${Date.now() % 100000}`, name: m.name, passwordHash: m.passwordHash };
}
