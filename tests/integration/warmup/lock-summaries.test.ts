import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { bothWays, lockedSummary, lockSummaries, refreshPairs } from "@/lib/server/services/summaries/refresh-pairs";
import { createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { NOW } from "../requests/helpers";

const t = useTestDatabase();

const rowsOf = (a: string, b: string) =>
  t.db.relationshipSummary.count({ where: { OR: [{ requesterId: a, recipientId: b }, { requesterId: b, recipientId: a }] } });

/** The transaction that wrote each row's current version: a lock that writes a version changes it. */
const versions = async (a: string, b: string) =>
  (
    await t.db.$queryRaw<{ v: string }[]>`
      SELECT requester_id || '>' || recipient_id || '@' || xmin::text AS v FROM relationship_summary
      WHERE (requester_id = ${a} AND recipient_id = ${b}) OR (requester_id = ${b} AND recipient_id = ${a})
      ORDER BY 1`
  ).map((r) => r.v);

describe("locking a pair's summaries (lockSummaries)", () => {
  it("creates missing rows as stale placeholders; existing ones read as last written", async () => {
    const a = await createMember();
    const b = await createMember();
    const pairs = bothWays([[a.id, b.id]]);
    await t.db.relationshipSummary.deleteMany({ where: { OR: [{ requesterId: a.id }, { requesterId: b.id }] } });

    const made = await t.db.$transaction(async (tx) => {
      await lockSummaries(tx, { pairs, now: NOW });
      return Promise.all(pairs.map(async (pair) => (await lockedSummary(tx, { pair, now: NOW })).summary));
    });
    expect(made).toEqual([
      { status: "cold", gateMet: false, fresh: false },
      { status: "cold", gateMet: false, fresh: false },
    ]);

    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));
    const locked = await t.db.$transaction(async (tx) => {
      await lockSummaries(tx, { pairs, now: NOW });
      return (await lockedSummary(tx, { pair: [a.id, b.id], now: NOW })).summary;
    });
    expect(await rowsOf(a.id, b.id)).toBe(2);
    expect(locked).toMatchObject({ status: "warming", fresh: true });
  });

  it("with one row of a pair missing, creates it and keeps the other", async () => {
    const a = await createMember();
    const b = await createMember();
    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));
    await t.db.relationshipSummary.deleteMany({ where: { requesterId: b.id, recipientId: a.id } });

    const [ab, ba] = await t.db.$transaction(async (tx) => {
      await lockSummaries(tx, { pairs: bothWays([[a.id, b.id]]), now: NOW });
      return Promise.all([lockedSummary(tx, { pair: [a.id, b.id], now: NOW }), lockedSummary(tx, { pair: [b.id, a.id], now: NOW })].map(async (l) => (await l).summary));
    });
    expect(ab).toMatchObject({ status: "warming", fresh: true });
    expect(ba).toMatchObject({ status: "cold", fresh: false });
    expect(await rowsOf(a.id, b.id)).toBe(2);
  });

  it("locks existing rows without writing a new version of them", async () => {
    const a = await createMember();
    const b = await createMember();
    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));
    const before = await versions(a.id, b.id);

    await t.db.$transaction((tx) => lockSummaries(tx, { pairs: bothWays([[a.id, b.id]]), now: NOW }));
    expect(await versions(a.id, b.id)).toEqual(before);
  });
});

/** PostgreSQL only: PGlite is one connection, so no second transaction can try the row meanwhile. */
const skip = !serverUrl();
describe.skipIf(skip)("the lock holds against a second instance", () => {
  let other: OpenedDb;
  beforeAll(async () => {
    const target = t.opened.target;
    if (target.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    other = await openDatabase({ kind: "postgres", url: target.url });
  });
  afterAll(() => other?.close());

  it("a row locked without being written cannot be locked, nor marked stale, by another transaction until commit", async () => {
    const a = await createMember();
    const b = await createMember();
    await createInteraction({ actorId: a.id, targetId: b.id, kind: "comment", occurredAt: NOW });
    await t.db.$transaction((tx) => refreshPairs(tx, { pairs: [[a.id, b.id]], now: NOW }));

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(async (tx) => {
      await lockSummaries(tx, { pairs: bothWays([[a.id, b.id]]), now: NOW });
      locked();
      await held;
    });
    await isLocked;
    const tryLock = other.db.$transaction((tx) =>
      tx.$queryRaw`SELECT 1 FROM relationship_summary WHERE requester_id = ${a.id} AND recipient_id = ${b.id} FOR UPDATE NOWAIT`,
    );
    await expect(tryLock).rejects.toThrow(/lock/i);
    // markSummariesStale's UPDATE waits for the holder, then marks the row it committed.
    const marking = other.db.$executeRaw`UPDATE relationship_summary SET stale = true WHERE recipient_id = ${b.id}`;
    const first = await Promise.race([marking.then(() => "marked"), new Promise((r) => setTimeout(() => r("waiting"), 300))]);
    expect(first).toBe("waiting");
    release();
    await holder;
    expect(await marking).toBe(1);
    expect((await t.db.relationshipSummary.findUniqueOrThrow({ where: { requesterId_recipientId: { requesterId: a.id, recipientId: b.id } } })).stale).toBe(true);
  });
});
