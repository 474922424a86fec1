import crypto from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setClockForTests } from "@/lib/server/clock";
import { apiRoute } from "@/lib/server/api/handler";
import { defineRoute } from "@/lib/server/api/route-spec";
import { AppError } from "@/lib/server/errors";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { callRoute, discoverRoutes, routeName, type CallInit, type DiscoveredRoute, type RawAnswer } from "@/tests/support/api-routes";
import { tableFingerprint } from "@/tests/support/table-counts";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/tests/factories/content";
import { buildWorld, requestFor, type World } from "@/tests/integration/security/world";

/**
 * Idempotency-Key on API writes (issue 19), on both databases. If this fails, a member whose
 * app retried a write after a dropped connection would see their comment posted twice, or
 * someone else's answer; a client that made a mistake in a retry would have it silently
 * "succeed" with the old answer; a malformed key would be ignored, so a client that means to
 * be safe silently is not; or a key would never be forgotten.
 */
const t = useTestDatabase();
const onServer = Boolean(serverUrl());
const KEY = "Idempotency-Key";
const HOUR = 3_600_000;

let routes: DiscoveredRoute[] = [];
const route = (name: string) => routes.find((r) => routeName(r) === name)!;
let ana = { id: "", handle: "", token: "" };
let ben = { id: "", handle: "", token: "" };
let anaPost = "";

const newKey = () => crypto.randomUUID();
const withKey = (key: string | undefined): Record<string, string> => (key === undefined ? {} : { [KEY]: key });
const createPostCall = (token: string, body: unknown, key?: string) => callRoute(route("POST /posts"), { token, json: body, headers: withKey(key) });
const commentCall = (token: string, postId: string, body: string, key?: string) =>
  callRoute(route("POST /posts/{id}/comments"), { token, params: { id: postId }, json: { body }, headers: withKey(key) });

/** Every table but api_token (whose lastUsedAt any authenticated call may touch): a replay or refusal changes none of them. */
async function fingerprint(): Promise<Record<string, string>> {
  const { api_token: _ignored, ...rest } = await tableFingerprint(t.opened);
  return rest;
}

const replayedHeader = (res: RawAnswer) => res.headers.get("idempotent-replayed");
const code = (res: RawAnswer) => (res.json as { code?: string } | undefined)?.code;

beforeAll(async () => {
  routes = await discoverRoutes();
});

beforeEach(async () => {
  await t.reset();
  const now = new Date();
  const a = await createMember({ name: "Ana Lima" });
  const b = await createMember({ name: "Ben Okafor" });
  ana = { id: a.id, handle: a.handle, token: (await createToken(t.db, { memberId: a.id, input: { name: "ana" }, now })).token };
  ben = { id: b.id, handle: b.handle, token: (await createToken(t.db, { memberId: b.id, input: { name: "ben" }, now })).token };
  anaPost = (await createPost({ authorId: a.id, body: "What is on your onboarding checklist?" })).id;
});
afterEach(() => setClockForTests(undefined));

describe("a retry with the same key and body", () => {
  it("gets the first answer again — same status, same body — marked Idempotent-Replayed, and writes nothing", async () => {
    const key = newKey();
    const first = await createPostCall(ana.token, { body: "Shipping a small thing today." }, key);
    expect(first.status, first.text).toBe(201);
    expect(replayedHeader(first)).toBeNull();
    const before = await fingerprint();

    for (let i = 0; i < 3; i++) {
      const again = await createPostCall(ana.token, { body: "Shipping a small thing today." }, key);
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(replayedHeader(again)).toBe("true");
    }
    expect(await fingerprint()).toEqual(before);
    expect(await t.db.post.count({ where: { body: "Shipping a small thing today." } })).toBe(1);
  });

  it("is the same request whatever the JSON key order and white space", async () => {
    const key = newKey();
    const occurredOn = new Date().toISOString().slice(0, 10);
    const send = (raw: string) => callRoute(route("POST /interactions"), { token: ben.token, raw, headers: { ...withKey(key), "content-type": "application/json" } });
    const first = await send(JSON.stringify({ target: ana.handle, platform: "event", kind: "met_in_person", occurredOn }));
    expect(first.status, first.text).toBe(201);
    const before = await fingerprint();
    const again = await send(`{ "occurredOn": "${occurredOn}",\n  "kind": "met_in_person", "platform" : "event", "target": "${ana.handle}" }`);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(replayedHeader(again)).toBe("true");
    expect(await fingerprint()).toEqual(before);
  });

  it("for a comment also records its interaction once (the warm-up counts it once)", async () => {
    const key = newKey();
    const first = await commentCall(ben.token, anaPost, "A buddy for the first week, always.", key);
    expect(first.status, first.text).toBe(201);
    const again = await commentCall(ben.token, anaPost, "A buddy for the first week, always.", key);
    expect(again.text).toBe(first.text);
    expect(replayedHeader(again)).toBe("true");
    expect(await t.db.comment.count({ where: { postId: anaPost } })).toBe(1);
    expect(await t.db.interaction.count({ where: { actorId: ben.id, targetId: ana.id, kind: "comment" } })).toBe(1);
  });
});

describe("a key reused for another request", () => {
  it("with a different body is refused with 422 idempotency_key_reused, and nothing is written", async () => {
    const key = newKey();
    expect((await createPostCall(ana.token, { body: "First draft" }, key)).status).toBe(201);
    const before = await fingerprint();
    const res = await createPostCall(ana.token, { body: "Second draft" }, key);
    expect(res.status, res.text).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(code(res)).toBe("idempotency_key_reused");
    expect(replayedHeader(res)).toBeNull();
    expect(await fingerprint()).toEqual(before);
    expect(await t.db.post.count({ where: { body: "Second draft" } })).toBe(0);
  });

  it("on another route (another path) is refused the same way", async () => {
    const key = newKey();
    expect((await createPostCall(ana.token, { body: "First draft" }, key)).status).toBe(201);
    const before = await fingerprint();
    const res = await commentCall(ana.token, anaPost, "First draft", key);
    expect(res.status, res.text).toBe(422);
    expect(code(res)).toBe("idempotency_key_reused");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("keys belong to their caller", () => {
  it("two members sending the same key and body each get their own write and answer", async () => {
    const key = newKey();
    const a = await createPostCall(ana.token, { body: "Same words, two people" }, key);
    const b = await createPostCall(ben.token, { body: "Same words, two people" }, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(replayedHeader(b)).toBeNull();
    expect((b.json as { id: string }).id).not.toBe((a.json as { id: string }).id);
    expect((b.json as { author: { handle: string } }).author.handle).not.toBe((a.json as { author: { handle: string } }).author.handle);
    expect(await t.db.post.count({ where: { body: "Same words, two people" } })).toBe(2);
    // …and each one's retry replays their own answer.
    expect((await createPostCall(ben.token, { body: "Same words, two people" }, key)).text).toBe(b.text);
    expect((await createPostCall(ana.token, { body: "Same words, two people" }, key)).text).toBe(a.text);
  });

  it("the same member's key is theirs whichever token they use", async () => {
    const key = newKey();
    const other = (await createToken(t.db, { memberId: ana.id, input: { name: "ana's laptop" }, now: new Date() })).token;
    const first = await createPostCall(ana.token, { body: "From my phone" }, key);
    const again = await createPostCall(other, { body: "From my phone" }, key);
    expect(again.text).toBe(first.text);
    expect(replayedHeader(again)).toBe("true");
  });
});

describe("a refused write is not kept under its key (4xx answers are not stored)", () => {
  it("a validation failure, then the corrected body under the same key, is a new write", async () => {
    const key = newKey();
    const before = await fingerprint();
    const bad = await createPostCall(ana.token, { body: "" }, key);
    expect(bad.status, bad.text).toBe(400);
    expect(code(bad)).toBe("validation");
    expect(await fingerprint()).toEqual(before);

    const fixed = await createPostCall(ana.token, { body: "Now with words" }, key);
    expect(fixed.status, fixed.text).toBe(201);
    expect(replayedHeader(fixed)).toBeNull();
    expect(await t.db.post.count({ where: { authorId: ana.id, body: "Now with words" } })).toBe(1);
    // From now on the key is the corrected write's.
    const again = await createPostCall(ana.token, { body: "Now with words" }, key);
    expect(again.text).toBe(fixed.text);
    expect(replayedHeader(again)).toBe("true");
  });

  it("a 404 is answered afresh on every retry, never replayed", async () => {
    const key = newKey();
    const missing = "cm0000000000000000000000";
    for (let i = 0; i < 2; i++) {
      const res = await commentCall(ana.token, missing, "Hello?", key);
      expect(res.status).toBe(404);
      expect(replayedHeader(res)).toBeNull();
    }
    // …and the key is still free for a real write.
    const ok = await commentCall(ana.token, anaPost, "Hello?", key);
    expect(ok.status, ok.text).toBe(201);
    expect(replayedHeader(ok)).toBeNull();
  });
});

describe("keys are forgotten after 24 hours", () => {
  it("replays up to 24 h after the write; after that the same request is a new write", async () => {
    const t0 = new Date(Date.now() + HOUR);
    const key = newKey();
    setClockForTests(t0);
    const first = await createPostCall(ana.token, { body: "Good morning" }, key);
    expect(first.status).toBe(201);

    setClockForTests(new Date(t0.getTime() + 24 * HOUR - 60_000));
    const within = await createPostCall(ana.token, { body: "Good morning" }, key);
    expect(within.text).toBe(first.text);
    expect(replayedHeader(within)).toBe("true");
    expect(await t.db.post.count({ where: { body: "Good morning" } })).toBe(1);

    setClockForTests(new Date(t0.getTime() + 24 * HOUR + 60_000));
    const later = await createPostCall(ana.token, { body: "Good morning" }, key);
    expect(later.status, later.text).toBe(201);
    expect(replayedHeader(later)).toBeNull();
    expect((later.json as { id: string }).id).not.toBe((first.json as { id: string }).id);
    expect(await t.db.post.count({ where: { body: "Good morning" } })).toBe(2);
  });
});

describe("a malformed key", () => {
  const malformed: [string, string][] = [
    ["empty", ""],
    ["only quotes", '""'],
    ["256 characters", "k".repeat(256)],
    ["a space inside", "my key"],
    ["a tab inside", "my\tkey"],
    ["non-ASCII (Latin-1)", "clé-1"],
    ["a control character", "key\u0001"],
    ["DEL", "key\u007f"],
  ];
  it.each(malformed)("(%s) is a 400 validation problem naming Idempotency-Key, and nothing is written", async (_name, value) => {
    const before = await fingerprint();
    const res = await createPostCall(ana.token, { body: "Is my key fine?" }, value);
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(code(res)).toBe("validation");
    expect(res.text).toMatch(/Idempotency-Key/);
    expect(await fingerprint()).toEqual(before);
  });

  it("the longest allowed key (255 visible ASCII characters) and every visible character are accepted", async () => {
    const visible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join("");
    for (const key of ["k".repeat(255), visible]) {
      const res = await createPostCall(ana.token, { body: `Edge key ${key.length}` }, key);
      expect(res.status, res.text).toBe(201);
      expect((await createPostCall(ana.token, { body: `Edge key ${key.length}` }, key)).text).toBe(res.text);
    }
  });
});

describe("a key still in flight", () => {
  // PGlite runs one transaction at a time, so a second request waits for the first one's end
  // and finds its stored answer: "in flight" cannot be observed there.
  it.skipIf(!onServer)("a second request with the key while the first is still running is refused 409 idempotency_key_in_use", { timeout: 30_000 }, async () => {
    // Hold the post row FOR UPDATE from another connection: the comment's insert (its foreign
    // key takes KEY SHARE on the post) waits, with its transaction — and its key — open.
    const locker = new pg.Client({ connectionString: (t.opened.target as { url: string }).url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`SELECT id FROM post WHERE id = $1 FOR UPDATE`, [anaPost]);
      const key = newKey();
      const firstP = commentCall(ben.token, anaPost, "Held up a moment", key);
      let waiting = false;
      for (let i = 0; i < 100 && !waiting; i++) {
        const r = await locker.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        waiting = r.rows[0].n > 0;
        if (!waiting) await new Promise((res) => setTimeout(res, 50));
      }
      expect(waiting, "the first request is blocked on the held lock").toBe(true);

      const second = await Promise.race([
        commentCall(ben.token, anaPost, "Held up a moment", key),
        new Promise<"no answer">((res) => setTimeout(() => res("no answer"), 5_000)),
      ]);
      await locker.query("ROLLBACK");
      expect(second, "the second request answers at once, without waiting for the first").not.toBe("no answer");
      const res = second as RawAnswer;
      expect(res.status, res.text).toBe(409);
      expect(code(res)).toBe("idempotency_key_in_use");

      const first = await firstP;
      expect(first.status, first.text).toBe(201);
      const third = await commentCall(ben.token, anaPost, "Held up a moment", key);
      expect(third.text).toBe(first.text);
      expect(replayedHeader(third)).toBe("true");
      expect(await t.db.comment.count({ where: { body: "Held up a moment" } })).toBe(1);
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end().catch(() => {});
    }
  });
});

/** Things X does to someone else are done to X by `other`; X revokes its token with a second one. */
const DONE_TO_X = new Set(["POST /interactions", "POST /members/{handle}/kudos", "POST /blocks", "POST /reports", "POST /connection-requests"]);
async function walkRequest(r: DiscoveredRoute, w: World): Promise<CallInit> {
  const name = routeName(r);
  const base = requestFor(r, w);
  const params = {
    ...base.params,
    ...(name === "DELETE /blocks/{handle}" ? { handle: w.members.blocked.handle } : {}),
    ...(name === "DELETE /connections/{handle}" ? { handle: w.w.handle } : {}),
  };
  if (name === "POST /signup" || name === "POST /tokens") return { ...base, params };
  if (DONE_TO_X.has(name)) return { ...base, params, token: w.tokens.other };
  if (name === "DELETE /tokens/{id}") return { ...base, params, token: (await createToken(t.db, { memberId: w.x.id, input: { name: "X's laptop" }, now: new Date() })).token };
  return { ...base, params, token: w.xToken.token };
}

describe("a write that asks another server first (PATCH /me's links)", () => {
  // A PreparedWrite of its own, so the test decides when each request is asked: the retry is
  // held in `prepare` (after it found no answer stored) until the first request has committed,
  // then refuses as a check made from the first request's writes would (the Bluesky code it
  // just started "is not in the profile yet").
  const spec = defineRoute({
    method: "POST",
    path: "/test/prepared",
    operationId: "testPrepared",
    summary: "test",
    tag: "Test",
    auth: "none",
    body: z.object({ n: z.number() }),
    response: z.object({ n: z.number(), at: z.string() }),
  });
  const call = (handler: ReturnType<typeof apiRoute>, key: string) =>
    handler(new Request("http://localhost/api/v1/test/prepared", { method: "POST", headers: { [KEY]: key, "content-type": "application/json", "x-forwarded-for": "203.0.113.9" }, body: '{"n":1}' }));

  it("a retry refused while it was being prepared gets the first request's answer if that committed meanwhile", async () => {
    let entered!: () => void;
    const retryInPrepare = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const firstCommitted = new Promise<void>((r) => (release = r));
    let calls = 0;
    const handler = apiRoute(spec, {
      prepare: async () => {
        if (++calls === 1) {
          entered();
          await firstCommitted;
          throw new AppError("validation", "We couldn't find the code yet.");
        }
        return "checked";
      },
      write: async ({ body, prepared }) => ({ n: body.n, at: `${prepared} ${crypto.randomUUID()}` }),
    });
    const key = newKey();
    const retry = call(handler, key);
    await retryInPrepare;
    const first = await call(handler, key);
    expect(first.status).toBe(200);
    release();
    const answer = await retry;
    expect({ status: answer.status, body: await answer.text(), replayed: answer.headers.get("idempotent-replayed") }).toEqual({
      status: 200,
      body: await first.text(),
      replayed: "true",
    });

    // The first request still in its write (holding the key) when the retry is refused: 409,
    // retry in a moment — on PostgreSQL; the embedded database runs one transaction at a time,
    // so there the retry's look at the key waits for the first to commit and gets its answer.
    if (onServer) {
      let inWrite!: () => void;
      const firstInWrite = new Promise<void>((r) => (inWrite = r));
      let finish!: () => void;
      const mayFinish = new Promise<void>((r) => (finish = r));
      let n = 0;
      const slow = apiRoute(spec, {
        prepare: async () => {
          if (++n === 1) return "checked";
          await firstInWrite;
          throw new AppError("validation", "We couldn't find the code yet.");
        },
        write: async ({ body }) => {
          inWrite();
          await mayFinish;
          return { n: body.n, at: "first" };
        },
      });
      const key2 = newKey();
      const firstSlow = call(slow, key2);
      await firstInWrite;
      const busy = await call(slow, key2);
      expect({ status: busy.status, code: ((await busy.json()) as { code: string }).code }).toEqual({ status: 409, code: "idempotency_key_in_use" });
      finish();
      expect((await firstSlow).status).toBe(200);
    }

    // Without a stored answer, the refusal stands (and names what was wrong).
    const refused = apiRoute(spec, { prepare: async () => Promise.reject(new AppError("validation", "No.")), write: async () => ({ n: 0, at: "" }) });
    expect((await call(refused, newKey())).status).toBe(400);
  });
});

describe("every write route honours the key", () => {
  // Generated from the route files, so a new write route cannot escape: each gets a fresh
  // world (new members alongside the old ones) and its valid request (tests/integration/security/world.ts) as the owner X, twice
  // with one key. A 2xx must be replayed exactly with nothing written; a 4xx must not be.
  const results: Record<string, string> = {};
  afterAll(() => console.info(`[idempotency] every write route: ${JSON.stringify(results)}`));

  it("replays every 2xx write exactly and writes nothing; never replays a refusal", { timeout: 120_000 }, async () => {
    const writes = routes.filter((r) => r.method !== "GET" && !r.path.includes("{...path}"));
    expect(writes.length).toBeGreaterThanOrEqual(25);
    let replayed = 0;
    for (const r of writes) {
      const w = await buildWorld(t.db, new Date()); // a world of its own: new members, nothing shared
      const name = routeName(r);
      const init = await walkRequest(r, w);
      const key = newKey();
      const headers = { ...withKey(key), "x-forwarded-for": "203.0.113.7" };
      const first = await callRoute(r, { ...init, headers });
      const before = await fingerprint();
      const again = await callRoute(r, { ...init, headers });
      results[name] = `${first.status}→${again.status}${replayedHeader(again) === "true" ? " replayed" : ""}`;
      expect(first.status, `${name}: ${first.text}`).toBeLessThan(500);
      expect(replayedHeader(first), name).toBeNull();
      if (first.status < 300) {
        expect({ name, status: again.status, text: again.text, replayed: replayedHeader(again) }).toEqual({ name, status: first.status, text: first.text, replayed: "true" });
        expect(await fingerprint(), `${name}: the replay wrote something`).toEqual(before);
        replayed++;
      } else {
        expect(replayedHeader(again), `${name}: a ${first.status} was replayed`).toBeNull();
      }
    }
    // Not a vacuous walk: most write routes succeed for their owner.
    expect(replayed).toBeGreaterThanOrEqual(20);
  });
});
