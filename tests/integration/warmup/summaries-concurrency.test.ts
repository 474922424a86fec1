import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { directedKey, loadPairInputs } from "@/lib/server/queries/pair-inputs";
import { blockMember } from "@/lib/server/services/blocks/block";
import { unblockMember } from "@/lib/server/services/blocks/unblock";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { updatePolicy } from "@/lib/server/services/policy/update-policy";
import { createPost } from "@/lib/server/services/posts/create-post";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { summarize } from "@/lib/warmup/summary";
import { HOUR } from "@/lib/warmup/time";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";

/**
 * Two app instances (two Prisma clients, two connection pools) writing the same pair at the
 * same moment must leave the pair's summaries right: the row lock taken by every refresh
 * makes the second writer read what the first committed. PostgreSQL only (PGlite is one
 * connection: nothing runs at the same time).
 */
const skip = !serverUrl();
if (skip) console.warn("summaries-concurrency.test.ts skipped: DATABASE_URL is not a PostgreSQL URL");

const NOTE = "I enjoyed your talk on Postgres indexing at the meetup — would love to stay in touch.";

describe.skipIf(skip)("relationship summaries under two instances writing the same pair", () => {
  const t = useTestDatabase();
  let other: OpenedDb;
  let a: FactoryMember;
  let b: FactoryMember;
  const posts: Record<string, string> = {};
  let now = new Date("2027-03-10T09:00:00.000Z");

  beforeAll(async () => {
    const target = t.opened.target;
    if (target.kind !== "postgres") throw new Error("expected a PostgreSQL test database");
    other = await openDatabase({ kind: "postgres", url: target.url });
    a = await createMember({ createdAt: new Date(now.getTime() - 30 * 24 * HOUR) });
    b = await createMember({ createdAt: new Date(now.getTime() - 30 * 24 * HOUR) });
    for (const m of [a, b]) posts[m.id] = (await createPost(t.db, { authorId: m.id, input: { body: "Notes on load testing." }, now })).id;
  });
  afterAll(() => other?.close());

  const deadlocks: unknown[] = [];
  async function race(...writes: (() => Promise<unknown>)[]) {
    const results = await Promise.allSettled(writes.map((w) => w()));
    for (const r of results) {
      if (r.status === "fulfilled") continue;
      if (r.reason instanceof AppError) continue; // a refusal, e.g. a block racing a comment
      deadlocks.push(r.reason);
    }
  }

  async function expectSummariesRight(label: string) {
    const pairs = [[a.id, b.id], [b.id, a.id]] as const;
    const { inputs } = await loadPairInputs(t.db, { pairs, now });
    const rows = await t.db.$queryRaw<{ requester_id: string; recipient_id: string; status: string; percent: number; points: number; interactions: number; valid_until: Date }[]>`
      SELECT requester_id, recipient_id, status, percent, points, interactions, valid_until FROM relationship_summary
      WHERE requester_id IN (${a.id}, ${b.id}) AND recipient_id IN (${a.id}, ${b.id})`;
    expect(rows, label).toHaveLength(2);
    for (const r of rows) {
      const { input, changesAt } = inputs.get(directedKey(r.requester_id, r.recipient_id))!;
      const f = summarize(input, changesAt).summary;
      expect(r.valid_until.getTime(), `${label}: valid at now`).toBeGreaterThan(now.getTime());
      expect({ status: r.status, percent: r.percent, points: r.points, interactions: r.interactions }, label).toEqual({
        status: f.status,
        percent: f.percent,
        points: f.points,
        interactions: f.interactions,
      });
    }
  }

  it("comments both ways at once, round after round, across days", async () => {
    for (let round = 0; round < 12; round++) {
      now = new Date(now.getTime() + 7 * HOUR);
      await race(
        () => createComment(t.db, { authorId: a.id, input: { postId: posts[b.id], body: `Round ${round}: agreed.` }, now }),
        () => createComment(other.db, { authorId: b.id, input: { postId: posts[a.id], body: `Round ${round}: thanks!` }, now }),
        () => setReaction(other.db, { memberId: a.id, input: { subject: "post", id: posts[b.id], type: round % 2 ? "like" : null }, now }),
      );
      await expectSummariesRight(`round ${round}`);
    }
    expect(deadlocks).toEqual([]);
  }, 120_000);

  it("a protocol change racing a comment: the stored row follows the protocol that won", async () => {
    for (let round = 0; round < 8; round++) {
      now = new Date(now.getTime() + HOUR);
      await race(
        () => createComment(t.db, { authorId: a.id, input: { postId: posts[b.id], body: `Policy round ${round}.` }, now }),
        () => updatePolicy(other.db, { memberId: b.id, input: { preset: round % 2 ? "strict" : "open" }, now }),
      );
      // A protocol change marks rows stale (due): a due row is never shown as stored, so only
      // a row that claims to be valid is checked — here, after the next write refreshes it.
      await createComment(t.db, { authorId: b.id, input: { postId: posts[a.id], body: `After round ${round}.` }, now });
      await expectSummariesRight(`policy round ${round}`);
    }
    expect(deadlocks).toEqual([]);
  }, 120_000);

  it("a send and a block racing comments leave no deadlock and right rows", async () => {
    for (let round = 0; round < 6; round++) {
      now = new Date(now.getTime() + 26 * HOUR);
      await race(
        () => createComment(t.db, { authorId: a.id, input: { postId: posts[b.id], body: `Send round ${round}.` }, now }),
        () => sendRequest(other.db, { requesterId: a.id, input: { to: b.handle, note: NOTE }, now }),
        () => createComment(other.db, { authorId: b.id, input: { postId: posts[a.id], body: `Reply ${round}.` }, now }),
      );
      await race(
        () => blockMember(other.db, { blockerId: b.id, input: { handle: a.handle }, now }),
        () => createComment(t.db, { authorId: a.id, input: { postId: posts[b.id], body: `Blocked round ${round}.` }, now }),
      );
      await expectSummariesRight(`block round ${round}`);
      await unblockMember(t.db, { blockerId: b.id, input: { handle: a.handle }, now });
      await expectSummariesRight(`unblock round ${round}`);
    }
    expect(deadlocks).toEqual([]);
  }, 120_000);
});
