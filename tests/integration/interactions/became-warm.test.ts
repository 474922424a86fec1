import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";

const t = useTestDatabase();
const day1 = new Date("2026-03-09T10:00:00Z");
const day2 = new Date("2026-03-10T10:00:00Z");

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
});
