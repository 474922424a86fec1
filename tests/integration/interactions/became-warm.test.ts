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
    const p1 = await createPost(ana.id, { body: "Day one" }, day1);
    await createComment(ben.id, { postId: p1.id, body: "Nice" }, day1);
    expect(await warmNotes(ben.id)).toHaveLength(0);
    const p2 = await createPost(ana.id, { body: "Day two" }, day2);
    await createComment(ben.id, { postId: p2.id, body: "Also nice" }, day2);
    const notes = await warmNotes(ben.id);
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({ memberId: ana.id, message: "You're warmed up with Ana — you can send a connection request." });
    // More interactions while already warm do not repeat it.
    await setReaction(ben.id, { subject: "post", id: p2.id, type: "like" }, day2);
    await createComment(ben.id, { postId: p1.id, body: "Coming back to this" }, day2);
    expect(await warmNotes(ben.id)).toHaveLength(1);
    // The target is not the one told.
    expect(await warmNotes(ana.id)).toHaveLength(0);
  });

  it("tells the actor when the target's confirmation of a logged interaction makes them warm", async () => {
    const ana = await createMember({ handle: "ana_w", policy: { preset: "friendly" } });
    const ben = await createMember();
    // Friendly needs 3 points: a pending logged reply counts 1 (half of 3, rounded down).
    const logged = await logInteraction(
      ben.id,
      { targetHandle: "ana_w", platform: "x", kind: "reply", occurredOn: "2026-03-09", evidenceUrl: "https://x.com/b/1" },
      day2,
    );
    expect(await warmNotes(ben.id)).toHaveLength(0);
    await decideLogged(ana.id, { id: logged.id, decision: "confirm" }, day2);
    expect(await warmNotes(ben.id)).toHaveLength(1);
  });
});
