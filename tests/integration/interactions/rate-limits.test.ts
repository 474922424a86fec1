import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import type { AppError } from "@/lib/server/errors";

const t = useTestDatabase();
const start = new Date("2026-03-10T13:05:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

async function setContentLimits(content: Record<string, number>) {
  await t.db.appSettings.upsert({ where: { id: 1 }, create: { values: { content } }, update: { values: { content } } });
}

describe("abuse limits on public content", () => {
  beforeEach(() => t.reset());

  it("refuses the post over the hourly limit with rate_limited, a retryAt and a message saying when", async () => {
    await setContentLimits({ postsPerHour: 3 });
    const ana = await createMember();
    await createPost(t.db, { authorId: ana.id, input: { body: "one" }, now: at(0) });
    await createPost(t.db, { authorId: ana.id, input: { body: "two" }, now: at(10) });
    await createPost(t.db, { authorId: ana.id, input: { body: "three" }, now: at(20) });
    const err = (await createPost(t.db, { authorId: ana.id, input: { body: "four" }, now: at(30) }).catch((e) => e)) as AppError;
    expect(err.code).toBe("rate_limited");
    expect(err.status).toBe(429);
    // The oldest post in the window ages out an hour after it was written.
    expect(err.retryAt?.toISOString()).toBe("2026-03-10T14:05:00.000Z");
    expect(err.message).toMatch(/You can post again at 14:05 UTC\./);
    expect(await t.db.post.count()).toBe(3);
    // Once the oldest has aged out, posting works again.
    await createPost(t.db, { authorId: ana.id, input: { body: "four, later" }, now: at(60) });
    expect(await t.db.post.count()).toBe(4);
  });

  it("counts deleted posts too, and only the member's own posts", async () => {
    await setContentLimits({ postsPerHour: 2 });
    const ana = await createMember();
    const ben = await createMember();
    const p = await createPost(t.db, { authorId: ana.id, input: { body: "one" }, now: at(0) });
    await t.db.post.update({ where: { id: p.id }, data: { deletedAt: at(1) } });
    await createPost(t.db, { authorId: ben.id, input: { body: "ben's" }, now: at(2) });
    await createPost(t.db, { authorId: ana.id, input: { body: "two" }, now: at(3) });
    await expect(createPost(t.db, { authorId: ana.id, input: { body: "three" }, now: at(4) })).rejects.toMatchObject({ code: "rate_limited" });
    await createPost(t.db, { authorId: ben.id, input: { body: "ben's second" }, now: at(5) });
  });

  it("limits comments per hour, logged interactions per day and kudos per day", async () => {
    await setContentLimits({ commentsPerHour: 2, loggedPerDay: 1, kudosPerDay: 1 });
    const ana = await createMember({ handle: "ana_rl" });
    const ben = await createMember({ handle: "ben_rl" });
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "post" }, now: at(0) });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "1" }, now: at(1) });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "2" }, now: at(2) });
    await expect(createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "3" }, now: at(3) })).rejects.toMatchObject({
      code: "rate_limited",
      retryAt: at(61),
    });

    const log = { targetHandle: "ana_rl", platform: "event", kind: "met_in_person", occurredOn: "2026-03-09" } as const;
    await logInteraction(t.db, { actorId: ben.id, input: log, now: at(0) });
    const logErr = (await logInteraction(t.db, { actorId: ben.id, input: { ...log, occurredOn: "2026-03-08" }, now: at(5) }).catch((e) => e)) as AppError;
    expect(logErr.code).toBe("rate_limited");
    expect(logErr.message).toMatch(/You can log interactions again on 11 Mar at 13:05 UTC\./);

    await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_rl", body: "Thanks" }, now: at(0) });
    await expect(giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_rl", body: "Thanks again" }, now: at(1) })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("holds under concurrent writes: the limit is never exceeded", async () => {
    await setContentLimits({ postsPerHour: 3 });
    const ana = await createMember();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => createPost(t.db, { authorId: ana.id, input: { body: `burst ${i}` }, now: at(i) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.every((r) => (r.reason as AppError).code === "rate_limited")).toBe(true);
    expect(await t.db.post.count()).toBe(3);
  });
});
