import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { setDbForTests } from "@/lib/server/db";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { DAY } from "@/lib/warmup/time";
import { callRoute, discoverRoutes, type DiscoveredRoute, type RawAnswer } from "@/tests/support/api-routes";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createPost } from "@/tests/factories/content";
import { createInteraction } from "@/tests/factories/relations";
import { setAppSettings, warmUp } from "@/tests/integration/requests/helpers";

/**
 * Every write answered exactly once, while PostgreSQL kills the app's connections under it
 * (pg_terminate_backend: an operator's kill, a failover, a connection pooler recycling).
 * Members write concurrently — comments, posts, kudos, connection requests, confirmations —
 * each write with an Idempotency-Key and a unique marker, retried with the same key after a
 * 5xx, and one write in seven also after a 2xx the client pretends never arrived (the answer
 * lost on the way back: what the key is for). If this fails, a member would notice a comment or kudos posted twice after tapping
 * "retry", a "try again" that says "already pending" or "not found" about their own request,
 * a bare 500 instead of "try again in a moment", or warm-up points counted twice; an operator
 * would notice the app not serving again promptly after a database connection reset.
 * PostgreSQL only: PGlite has no backends to terminate.
 */
const onServer = Boolean(serverUrl());
const t = useTestDatabase();

const APP_NAME = "rapport-app-under-test";
const WRITE_MS = 18_000;
const TERMINATIONS = 6;
const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [100, 200, 400, 800];

type Kind = "comment" | "post" | "kudos" | "request" | "confirm";
type Attempt = {
  status: number | "thrown";
  code?: string;
  retryAfter: string | null;
  replayed: boolean;
  detail?: string;
  /** a 2xx's body, kept to compare with its replay */
  text?: string;
  /** a 2xx the client pretends it never received (its connection timed out), so it retries */
  lost?: boolean;
};
type Write = { kind: Kind; writer: number; marker: string; key: string; loseFirstAnswer: boolean; attempts: Attempt[] };
type Writer = { member: FactoryMember; token: string; recipients: FactoryMember[]; logged: string[] };

let app: OpenedDb;
let admin: pg.Client;
let routes: Record<Kind | "me", DiscoveredRoute>;
let writers: Writer[] = [];
let recipients: FactoryMember[] = [];
let commentedPost = "";
const writes: Write[] = [];
const terminated: number[] = []; // backends killed, per termination
const unexpectedLogged: string[] = []; // what the handler logged before answering 500
let recoveryMs = Number.NaN;

function describeError(e: unknown): string {
  const err = e as { name?: string; code?: string; message?: string };
  return `${err?.name}${err?.code ? ` ${err.code}` : ""}: ${String(err?.message).split("\n").at(-1)?.slice(0, 120)}`;
}

function tally(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  if (!onServer) return;
  const all = await discoverRoutes();
  const find = (method: string, path: string) => all.find((r) => r.method === method && r.path === path)!;
  routes = {
    comment: find("POST", "/posts/{id}/comments"),
    post: find("POST", "/posts"),
    kudos: find("POST", "/members/{handle}/kudos"),
    request: find("POST", "/connection-requests"),
    confirm: find("POST", "/interactions/{id}/confirm"),
    me: find("GET", "/me"),
  };
  // Limits high enough that no write is refused for volume: only faults may get in the way.
  await setAppSettings(t.db, {
    content: { postsPerHour: 10_000, commentsPerHour: 10_000, kudosPerDay: 10_000, loggedPerDay: 10_000 },
    requests: { weeklyLimit: 500, pendingCap: 1_000 },
  });
  const now = new Date();
  const longAgo = new Date(now.getTime() - 60 * DAY);
  recipients = [];
  for (let i = 0; i < 10; i++) recipients.push(await createMember({ name: `Recipient ${i}`, createdAt: longAgo }));
  commentedPost = (await createPost({ authorId: recipients[0].id, body: "Ask me anything about failovers." })).id;
  writers = [];
  for (let i = 0; i < 4; i++) {
    const member = await createMember({ name: `Writer ${i}`, createdAt: longAgo });
    const token = (await createToken(t.db, { memberId: member.id, input: { name: `writer ${i}` }, now })).token;
    // Writers only ever ask recipients (never each other), so no request is a mutual accept.
    for (const r of recipients) await warmUp(member.id, r.id, now);
    // Interactions recipients logged about the writer, waiting for the writer to confirm.
    const logged: string[] = [];
    for (const [j, r] of recipients.entries()) {
      const occurredOn = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1 - (j % 5)));
      const row = await t.db.loggedInteraction.create({
        data: { actorId: r.id, targetId: member.id, platform: "event", kind: "met_in_person", occurredOn, summary: `Met writer ${i} at the meetup` },
      });
      await createInteraction({ actorId: r.id, targetId: member.id, kind: "logged_met", source: "logged", verification: "pending", loggedId: row.id, sourceKey: `logged:${row.id}` });
      logged.push(row.id);
    }
    writers.push({ member, token, recipients: [...recipients], logged });
  }
  const url = new URL((t.opened.target as { url: string }).url);
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  url.searchParams.set("application_name", APP_NAME);
  app = await openDatabase({ kind: "postgres", url: url.toString() });
  setDbForTests(app); // the route handlers now talk to PostgreSQL as APP_NAME; the test reads through t.db
  // Each 503 and 500 is logged by the handler; the 500s' causes are kept for the summary.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes("unexpected error")) unexpectedLogged.push(describeError(args[1]));
  });
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  if (!onServer) return;
  setDbForTests(t.opened);
  await app?.close().catch(() => {});
  await admin?.end().catch(() => {});
});

async function terminateApp(): Promise<number> {
  const res = await admin.query<{ killed: boolean }>(
    "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
    [APP_NAME],
  );
  return res.rows.filter((r) => r.killed).length;
}

/** The next write of a kind for a writer: its route call, with the marker inside the body (or the id, for a confirmation). */
function nextWrite(w: Writer, index: number, n: number, kind: Kind): { marker: string; send: (key: string) => Promise<RawAnswer> } | null {
  const marker = `FD${index}x${n}x${crypto.randomBytes(3).toString("hex")}`;
  const headers = (key: string) => ({ "Idempotency-Key": key });
  switch (kind) {
    case "comment":
      return { marker, send: (key) => callRoute(routes.comment, { token: w.token, headers: headers(key), params: { id: commentedPost }, json: { body: `Good point about failovers ${marker}` } }) };
    case "post":
      return { marker, send: (key) => callRoute(routes.post, { token: w.token, headers: headers(key), json: { body: `Notes from today's drill ${marker}` } }) };
    case "kudos": {
      const to = recipients[n % recipients.length].handle;
      return { marker, send: (key) => callRoute(routes.kudos, { token: w.token, headers: headers(key), params: { handle: to }, json: { body: `Thanks for the help with the migration ${marker}` } }) };
    }
    case "request": {
      const to = w.recipients.shift();
      if (!to) return null;
      const note = `We met at the Postgres meetup and talked about failover drills for an hour. ${marker}`;
      return { marker, send: (key) => callRoute(routes.request, { token: w.token, headers: headers(key), json: { to: to.handle, note } }) };
    }
    case "confirm": {
      const id = w.logged.shift();
      if (!id) return null;
      return { marker: id, send: (key) => callRoute(routes.confirm, { token: w.token, headers: headers(key), params: { id } }) };
    }
  }
}

const KINDS: Kind[] = ["comment", "post", "kudos", "request", "confirm"];

const ok = (a: Attempt) => typeof a.status === "number" && a.status >= 200 && a.status < 300;
const is5xx = (a: Attempt) => a.status === "thrown" || a.status >= 500;
const mustRetry = (a: Attempt) => is5xx(a) || a.code === "idempotency_key_in_use";

function attemptOf(res: RawAnswer): Attempt {
  return {
    status: res.status,
    code: (res.json as { code?: string } | undefined)?.code,
    retryAfter: res.headers.get("retry-after"),
    replayed: res.headers.get("idempotent-replayed") === "true",
    text: res.status < 300 ? res.text : undefined,
  };
}

/**
 * One write: sent, and on a 5xx (or a throw) sent again with the same key, a few times. For
 * some writes the client also "loses" its first 2xx — the answer that never arrives, the case
 * the key exists for — and retries; that retry must be the same answer, replayed.
 */
async function perform(write: Write, send: (key: string) => Promise<RawAnswer>) {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const a = await send(write.key).then(attemptOf, (e: unknown): Attempt => ({ status: "thrown", retryAfter: null, replayed: false, detail: String(e).slice(0, 200) }));
    write.attempts.push(a);
    if (write.loseFirstAnswer && ok(a) && !write.attempts.some((x) => x.lost)) a.lost = true;
    const retry = mustRetry(a) || a.lost;
    if (!retry || i === MAX_ATTEMPTS - 1) return;
    await sleep(BACKOFF_MS[i]);
  }
}

async function writerLoop(w: Writer, index: number, until: number) {
  let n = 0;
  while (Date.now() < until) {
    const kind = KINDS[n % KINDS.length];
    const next = nextWrite(w, index, n++, kind);
    if (!next) continue;
    const write: Write = { kind, writer: index, marker: next.marker, key: crypto.randomUUID(), loseFirstAnswer: n % 7 === 3, attempts: [] };
    writes.push(write);
    await perform(write, next.send);
  }
}

async function terminator(until: number) {
  const spacing = (until - Date.now()) / (TERMINATIONS + 1);
  for (let i = 0; i < TERMINATIONS; i++) {
    await sleep(spacing * (0.7 + Math.random() * 0.6));
    terminated.push(await terminateApp());
  }
}

const MARKER = /FD\d+x\d+x[0-9a-f]{6}/;
function countMarkers(bodies: (string | null)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of bodies) {
    const m = b && MARKER.exec(b)?.[0];
    if (m) out.set(m, (out.get(m) ?? 0) + 1);
  }
  return out;
}

/** How many times each write is stored, read straight from the database (not through the app). */
async function storedCounts() {
  const db = t.db;
  const [comments, posts, kudos, requests, logged] = await Promise.all([
    db.comment.findMany({ where: { body: { contains: "FD" } }, select: { id: true, body: true } }),
    db.post.findMany({ where: { body: { contains: "FD" } }, select: { body: true } }),
    db.kudos.findMany({ where: { body: { contains: "FD" } }, select: { id: true, body: true } }),
    db.connectionRequest.findMany({ where: { note: { contains: "FD" } }, select: { note: true } }),
    db.loggedInteraction.findMany({ where: { targetId: { in: writers.map((w) => w.member.id) } }, select: { id: true, status: true } }),
  ]);
  const [commentInteractions, kudosInteractions, loggedInteractions] = await Promise.all([
    db.interaction.groupBy({ by: ["commentId"], where: { commentId: { in: comments.map((c) => c.id) } }, _count: true }),
    db.interaction.groupBy({ by: ["kudosId"], where: { kudosId: { in: kudos.map((k) => k.id) } }, _count: true }),
    db.interaction.findMany({ where: { loggedId: { in: logged.map((l) => l.id) } }, select: { loggedId: true, verification: true } }),
  ]);
  const perComment = new Map(commentInteractions.map((g) => [g.commentId, g._count]));
  const perKudos = new Map(kudosInteractions.map((g) => [g.kudosId, g._count]));
  const stored: Record<Kind, Map<string, number>> = {
    comment: countMarkers(comments.map((c) => c.body)),
    post: countMarkers(posts.map((p) => p.body)),
    kudos: countMarkers(kudos.map((k) => k.body)),
    request: countMarkers(requests.map((r) => r.note)),
    confirm: new Map(logged.filter((l) => l.status === "confirmed").map((l) => [l.id, 1])),
  };
  // Each stored comment or kudos recorded exactly one interaction; each logged interaction has one row, verified iff confirmed.
  const badInteractions = [
    ...comments.filter((c) => perComment.get(c.id) !== 1).map((c) => `comment ${c.body} has ${perComment.get(c.id) ?? 0} interactions`),
    ...kudos.filter((k) => perKudos.get(k.id) !== 1).map((k) => `kudos ${k.body} has ${perKudos.get(k.id) ?? 0} interactions`),
    ...logged.flatMap((l) => {
      const rows = loggedInteractions.filter((r) => r.loggedId === l.id);
      const want = l.status === "confirmed" ? "confirmed" : "pending";
      return rows.length === 1 && rows[0].verification === want ? [] : [`logged ${l.id} (${l.status}) has interactions ${JSON.stringify(rows.map((r) => r.verification))}`];
    }),
  ];
  return { stored, badInteractions };
}

describe.skipIf(!onServer)("writes while PostgreSQL terminates the app's connections", () => {
  it("the app's connections carry the application_name the terminator looks for", async () => {
    expect((await callRoute(routes.me, { token: writers[0].token })).status).toBe(200);
    const rows = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [APP_NAME]);
    expect(rows.rows[0].n).toBeGreaterThan(0);
  });

  it("every write is answered and stored exactly once, across terminations and retries", { timeout: 90_000 }, async () => {
    const until = Date.now() + WRITE_MS;
    await Promise.all([...writers.map((w, i) => writerLoop(w, i, until)), terminator(until)]);

    // The last termination, with nothing else running: how soon is the app serving again?
    await sleep(300);
    await callRoute(routes.me, { token: writers[0].token }); // the app holds a connection again…
    terminated.push(await terminateApp()); // …which dies now
    const finalKilled = terminated.at(-1)!;
    const killedAt = performance.now();
    for (let i = 0; i < 200; i++) {
      const res = await callRoute(routes.me, { token: writers[0].token }).catch(() => null);
      if (res?.status === 200) {
        recoveryMs = performance.now() - killedAt;
        break;
      }
      await sleep(20);
    }

    const { stored, badInteractions } = await storedCounts();
    const attempts = writes.flatMap((w) => w.attempts);
    const byStatus: Record<string, number> = {};
    for (const a of attempts) byStatus[String(a.status) + (a.code ? `:${a.code}` : "")] = (byStatus[String(a.status) + (a.code ? `:${a.code}` : "")] ?? 0) + 1;
    const succeeded = writes.filter((w) => w.attempts.some(ok));
    const neverSucceeded = writes.filter((w) => !w.attempts.some(ok));
    const timesStored = (w: Write) => stored[w.kind].get(w.marker) ?? 0;

    const storedNotOnce = succeeded.filter((w) => timesStored(w) !== 1).map((w) => `${w.kind} ${w.marker}: 2xx but stored ${timesStored(w)}× — ${JSON.stringify(w.attempts)}`);
    const failedStoredTwice = neverSucceeded.filter((w) => timesStored(w) > 1).map((w) => `${w.kind} ${w.marker}: never 2xx but stored ${timesStored(w)}×`);
    const markersTwice = KINDS.flatMap((k) => [...stored[k]].filter(([, n]) => n > 1).map(([m, n]) => `${k} ${m} stored ${n}×`));
    const not503 = attempts.filter((a) => is5xx(a) && !(a.status === 503 && /^\d+$/.test(a.retryAfter ?? "")));
    // A lost answer's retry: the first one that is not a 5xx must replay it exactly.
    const lost = writes.filter((w) => w.attempts.some((a) => a.lost));
    const lostNotReplayed = lost.flatMap((w) => {
      const i = w.attempts.findIndex((a) => a.lost);
      const first = w.attempts[i];
      const retry = w.attempts.slice(i + 1).find((a) => !mustRetry(a));
      return retry && retry.replayed && retry.status === first.status && retry.text === first.text ? [] : [`${w.kind} ${w.marker}: ${first.status} then ${JSON.stringify(retry ?? "no answer but 5xx")}`.slice(0, 400)];
    });
    const unexpected4xx = writes.filter((w) => w.attempts.some((a) => typeof a.status === "number" && a.status >= 300 && a.status < 500 && a.code !== "idempotency_key_in_use"));

    console.info(
      `[terminated-writes] writes ${writes.length} (${KINDS.map((k) => `${k} ${writes.filter((w) => w.kind === k).length}`).join(", ")}), ` +
        `attempts ${attempts.length}: 2xx ${attempts.filter(ok).length}, 503 ${attempts.filter((a) => a.status === 503).length}, ` +
        `other ${attempts.filter((a) => !ok(a) && a.status !== 503).length} ${JSON.stringify(byStatus)}; ` +
        `terminations ${terminated.filter((n) => n > 0).length} (backends killed ${JSON.stringify(terminated)}); ` +
        `retries ${attempts.length - writes.length}, replayed ${attempts.filter((a) => a.replayed).length}; ` +
        `answers lost on purpose ${lost.length}, replayed exactly ${lost.length - lostNotReplayed.length}; ` +
        `writes never 2xx ${neverSucceeded.length}; stored ≠ 1 after 2xx ${storedNotOnce.length}; stored > 1 without 2xx ${failedStoredTwice.length}; ` +
        `markers stored twice ${markersTwice.length}; interaction rows wrong ${badInteractions.length}; 5xx not 503+Retry-After ${not503.length}; ` +
        `writes with a 4xx ${unexpected4xx.length}; served again ${Math.round(recoveryMs)} ms after the last termination` +
        (unexpectedLogged.length ? `; 500s logged: ${JSON.stringify(tally(unexpectedLogged))}` : ""),
    );

    expect(terminated.filter((n) => n > 0).length, "terminations that killed at least one app backend").toBeGreaterThanOrEqual(5);
    expect(succeeded.length, "writes that got through").toBeGreaterThan(0);
    expect(attempts.filter(is5xx).length, "the terminations must have hit some writes").toBeGreaterThan(0);
    expect.soft(storedNotOnce, "a 2xx means stored, once").toEqual([]);
    expect.soft(failedStoredTwice, "a write that never succeeded is stored at most once").toEqual([]);
    expect.soft(markersTwice, "no write stored twice").toEqual([]);
    expect.soft(badInteractions, "one interaction row per stored comment, kudos and logged interaction").toEqual([]);
    expect.soft(not503.slice(0, 10), `${not503.length} 5xx answers that were not 503 with Retry-After`).toEqual([]);
    expect.soft(unexpected4xx.slice(0, 10).map((w) => `${w.kind} ${w.marker} ${JSON.stringify(w.attempts)}`), `${unexpected4xx.length} writes answered 4xx (a retry must be replayed, not refused)`).toEqual([]);
    expect.soft(lostNotReplayed.slice(0, 10), `${lostNotReplayed.length} of ${lost.length} lost answers not replayed exactly on retry`).toEqual([]);
    expect(lost.length, "some answers were lost on purpose").toBeGreaterThan(0);
    expect(finalKilled, "the last termination killed an app backend").toBeGreaterThan(0);
    expect(recoveryMs, "ms until the app served again after the last termination").toBeLessThan(1_000);
  });
});
