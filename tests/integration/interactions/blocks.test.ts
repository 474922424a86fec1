import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";

const t = useTestDatabase();
const now = new Date("2026-03-10T10:00:00Z");

describe("blocked pairs cannot interact", () => {
  beforeEach(() => t.reset());

  it.each([
    ["the author blocked the actor", "author"],
    ["the actor blocked the author", "actor"],
  ])("refuses comments, reactions, shares, kudos and logs as not_found when %s", async (_label, who) => {
    const ana = await createMember({ handle: `ana_${who}` });
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    if (who === "author") await createBlock(ana.id, ben.id);
    else await createBlock(ben.id, ana.id);
    const notFound = { code: "not_found" };
    await expect(createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Hi" }, now })).rejects.toMatchObject(notFound);
    await expect(setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now })).rejects.toMatchObject(notFound);
    await expect(createPost(t.db, { authorId: ben.id, input: { body: "Look", sharedPostId: post.id }, now })).rejects.toMatchObject(notFound);
    await expect(giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: ana.handle, body: "Thanks" }, now })).rejects.toMatchObject(notFound);
    await expect(
      logInteraction(t.db, { actorId: ben.id, input: { targetHandle: ana.handle, platform: "event", kind: "met_in_person", occurredOn: "2026-03-01" }, now }),
    ).rejects.toMatchObject({ code: "not_found", fields: { targetHandle: [expect.any(String)] } });
    expect(await t.db.interaction.count()).toBe(0);
    expect(await t.db.comment.count()).toBe(0);
  });

  it("refuses replying to or reacting to a comment by a member in a block", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const chloe = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    const c = await createComment(t.db, { authorId: chloe.id, input: { postId: post.id, body: "Chloé's comment" }, now });
    await createBlock(chloe.id, ben.id);
    await expect(createComment(t.db, { authorId: ben.id, input: { postId: post.id, parentId: c.id, body: "Reply" }, now })).rejects.toMatchObject({ code: "not_found" });
    await expect(setReaction(t.db, { memberId: ben.id, input: { subject: "comment", id: c.id, type: "like" }, now })).rejects.toMatchObject({ code: "not_found" });
    // Ben can still comment on Ana's post.
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Top-level is fine" }, now });
  });

  it("mentions of a member in a block simply do not resolve", async () => {
    const ana = await createMember();
    const ben = await createMember({ handle: "ben_b" });
    const chloe = await createMember({ handle: "chloe_b" });
    await createBlock(ben.id, ana.id);
    await createPost(t.db, { authorId: ana.id, input: { body: "Hello @ben_b and @chloe_b" }, now });
    const rows = await t.db.interaction.findMany();
    expect(rows.map((r) => r.targetId)).toEqual([chloe.id]);
    expect(await t.db.notification.count({ where: { memberId: ben.id } })).toBe(0);
  });
});
