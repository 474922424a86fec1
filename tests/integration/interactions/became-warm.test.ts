import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";

const t = useTestDatabase();
const day1 = new Date("2026-03-09T10:00:00Z");
const day2 = new Date("2026-03-10T10:00:00Z");

const DAY = 86_400_000;
const later = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const NOTE = "I enjoyed your post about day two of the launch — would love to stay in touch.";

const warmNotes = (memberId: string) => t.db.notification.findMany({ where: { memberId, type: "became_warm" } });

describe("the 'you're warmed up' notification", () => {
  beforeEach(() => t.reset());

  it("tells the actor once, in the write that makes the pair warm (standard: 6 points, 2 days, a conversation)", async () => {
    const ana = await createMember({ name: "Ana Ferreira", policy: { preset: "standard" } });
    const ben = await createMember();
    const p1 = await createPost(t.db, { authorId: ana.id, input: { body: "Day one" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "Nice" }, now: day1 });
    expect(await warmNotes(ben.id)).toHaveLength(0);
    const p2 = await createPost(t.db, { authorId: ana.id, input: { body: "Day two" }, now: day2 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p2.id, body: "Also nice" }, now: day2 });
    const notes = await warmNotes(ben.id);
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({ memberId: ana.id, message: "You're warmed up with Ana — you can send a connection request." });
    // More interactions while already warm do not repeat it.
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: p2.id, type: "like" }, now: day2 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "Coming back to this" }, now: day2 });
    expect(await warmNotes(ben.id)).toHaveLength(1);
    // The target is not the one told.
    expect(await warmNotes(ana.id)).toHaveLength(0);
  });

  it("tells the actor when the target's confirmation of a logged interaction makes them warm", async () => {
    const ana = await createMember({ handle: "ana_w", policy: { preset: "friendly" } });
    const ben = await createMember();
    // Friendly needs 3 points: a pending logged reply counts 1 (half of 3, rounded down).
    const logged = await logInteraction(t.db, { actorId: ben.id, input: { targetHandle: "ana_w", platform: "x", kind: "reply", occurredOn: "2026-03-09", evidenceUrl: "https://x.com/b/1" }, now: day2 });
    expect(await warmNotes(ben.id)).toHaveLength(0);
    await decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "confirm" }, now: day2 });
    expect(await warmNotes(ben.id)).toHaveLength(1);
  });

  it("tells the actor once per warm period: a request declined or withdrawn in between does not start a new one", async () => {
    const ana = await createMember({ name: "Ana Ferreira", policy: { preset: "standard" } });
    const ben = await createMember();
    const p1 = await createPost(t.db, { authorId: ana.id, input: { body: "Day one" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "Nice" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "And again" }, now: day2 });
    expect(await warmNotes(ben.id)).toHaveLength(1);

    // Warm → requested → "not yet" (cooldown) → warm again after the cooldown: the gate stayed met.
    const first = await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: day2 });
    await declineRequest(t.db, { recipientId: ana.id, requestId: first.requestId, input: { reason: "not_yet" }, now: later(day2, 1) });
    const afterCooldown = later(day2, 20);
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "Back after a while" }, now: afterCooldown });
    // Warm → requested → withdrawn (cooldown) → warm again.
    const second = await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: afterCooldown });
    await withdrawRequest(t.db, { requesterId: ben.id, requestId: second.requestId, now: later(afterCooldown, 1) });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "One more thought" }, now: later(afterCooldown, 10) });
    expect(await warmNotes(ben.id)).toHaveLength(1);
  });

  it("tells the actor again after the pair cooled off (interactions aged out of the window) and warmed up anew", async () => {
    const ana = await createMember({ name: "Ana Ferreira", policy: { preset: "standard" } });
    const ben = await createMember();
    const p1 = await createPost(t.db, { authorId: ana.id, input: { body: "Day one" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "Nice" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: p1.id, body: "And again" }, now: day2 });
    expect(await warmNotes(ben.id)).toHaveLength(1);
    // 180 days later nothing counts any more; two new days of conversation make a new warm period.
    const much = later(day2, 400);
    const p2 = await createPost(t.db, { authorId: ana.id, input: { body: "A year on" }, now: much });
    await createComment(t.db, { authorId: ben.id, input: { postId: p2.id, body: "Hello again" }, now: much });
    expect(await warmNotes(ben.id)).toHaveLength(1);
    await createComment(t.db, { authorId: ben.id, input: { postId: p2.id, body: "Still thinking about it" }, now: later(much, 1) });
    expect(await warmNotes(ben.id)).toHaveLength(2);
  });

  it("does not tell the actor again when a reaction taken back and given again re-crosses the line", async () => {
    const ana = await createMember({ name: "Ana Ferreira", policy: { preset: "friendly" } });
    const ben = await createMember();
    const day3 = later(day2, 1);
    const posts = [];
    for (const [i, at] of [day1, day2, day3].entries()) posts.push(await createPost(t.db, { authorId: ana.id, input: { body: `Post ${i}` }, now: at }));
    // Friendly: 3 points. Three likes, one point each, on three days.
    for (const [i, at] of [day1, day2, day3].entries()) {
      await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: posts[i].id, type: "like" }, now: at });
    }
    expect(await warmNotes(ben.id)).toHaveLength(1);
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: posts[2].id, type: null }, now: day3 });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: posts[2].id, type: "like" }, now: day3 });
    expect(await warmNotes(ben.id)).toHaveLength(1);
  });
});
