import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";

const t = useTestDatabase();
const now = new Date("2026-03-10T10:00:00Z");

async function interactions() {
  return t.db.interaction.findMany({ orderBy: { createdAt: "asc" } });
}

describe("interactions recorded by observed sources", () => {
  beforeEach(() => t.reset());

  it("records a comment toward the post's author, with the admin's weight for comments", async () => {
    const ana = await createMember({ handle: "ana" });
    const ben = await createMember({ handle: "ben" });
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Shipping a new queue today." }, now });
    const comment = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Congrats, what broker?" }, now });
    const rows = await interactions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: ben.id,
      targetId: ana.id,
      kind: "comment",
      source: "observed",
      verification: "verified",
      weight: 3,
      postId: post.id,
      commentId: comment.id,
      sourceKey: `comment:${comment.id}`,
    });
    expect(rows[0].occurredAt.toISOString()).toBe(now.toISOString());
  });

  it("records a reply toward the author of the comment replied to, not the post's author", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Thoughts on on-call?" }, now });
    const benComment = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Follow the sun." }, now });
    await createComment(t.db, { authorId: chloe.id, input: { postId: post.id, parentId: benComment.id, body: "Agreed!" }, now });
    const rows = await interactions();
    expect(rows.map((r) => [r.actorId, r.targetId, r.kind])).toEqual([
      [ben.id, ana.id, "comment"],
      [chloe.id, ben.id, "comment"],
    ]);
  });

  it("keeps threads one level deep while crediting the person replied to", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    const top = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Top" }, now });
    const reply = await createComment(t.db, { authorId: chloe.id, input: { postId: post.id, parentId: top.id, body: "Reply" }, now });
    const replyToReply = await createComment(t.db, { authorId: ana.id, input: { postId: post.id, parentId: reply.id, body: "Reply to reply" }, now });
    expect(replyToReply.parentId).toBe(top.id);
    const last = (await interactions()).at(-1)!;
    expect([last.actorId, last.targetId]).toEqual([ana.id, chloe.id]);
  });

  it("never records commenting on your own post or replying to yourself", async () => {
    const ana = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Notes to self" }, now });
    const c = await createComment(t.db, { authorId: ana.id, input: { postId: post.id, body: "More notes" }, now });
    await createComment(t.db, { authorId: ana.id, input: { postId: post.id, parentId: c.id, body: "And more" }, now });
    expect(await interactions()).toHaveLength(0);
  });

  it("records one mention per mentioned member, however often they are named, and none for yourself", async () => {
    const ana = await createMember({ handle: "ana_m" });
    const ben = await createMember({ handle: "ben_m" });
    await createMember({ handle: "chloe_m" });
    await createPost(t.db, { authorId: ana.id, input: { body: "Thanks @ben_m and @Ben_M again, and @ana_m (me) and @nobody_here and @chloe_m!" }, now });
    const rows = await interactions();
    expect(rows.filter((r) => r.targetId === ben.id)).toHaveLength(1);
    expect(rows.every((r) => r.kind === "mention" && r.actorId === ana.id && r.weight === 2)).toBe(true);
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.targetId === ana.id)).toBe(false);
    const notes = await t.db.notification.findMany({ where: { type: "mentioned" } });
    expect(notes.map((n) => n.memberId).sort()).toEqual(rows.map((r) => r.targetId).sort());
  });

  it("records a mention inside a comment separately from the comment itself", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const chloe = await createMember({ handle: "chloe_c" });
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    const c = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "cc @chloe_c" }, now });
    const rows = await interactions();
    expect(rows.map((r) => [r.targetId, r.kind, r.commentId])).toEqual([
      [ana.id, "comment", c.id],
      [chloe.id, "mention", c.id],
    ]);
  });

  it("keeps one reaction interaction per member and item however often it is toggled", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    for (let i = 0; i < 10; i++) {
      await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now: new Date(now.getTime() + i * 60_000) });
      await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: null }, now: new Date(now.getTime() + i * 60_000 + 1000) });
    }
    let rows = await interactions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "reaction", verification: "removed", weight: 1 });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "thanks" }, now: new Date(now.getTime() + 3_600_000) });
    rows = await interactions();
    expect(rows).toHaveLength(1);
    // Reacting again restores the original interaction and changes nothing else about it.
    expect(rows[0].verification).toBe("verified");
    expect(rows[0].occurredAt.toISOString()).toBe(now.toISOString());
    expect(await t.db.reaction.count()).toBe(1);
  });

  it("changing the reaction type keeps the one reaction and the one interaction", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "insightful" }, now });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "thanks" }, now });
    const reactions = await t.db.reaction.findMany();
    expect(reactions).toHaveLength(1);
    expect(reactions[0].type).toBe("thanks");
    const rows = await interactions();
    expect(rows).toHaveLength(1);
    expect(rows[0].verification).toBe("verified");
  });

  it("records reactions on comments toward the comment's author", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    const c = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Comment" }, now });
    await setReaction(t.db, { memberId: chloe.id, input: { subject: "comment", id: c.id, type: "insightful" }, now });
    const last = (await interactions()).at(-1)!;
    expect(last).toMatchObject({ actorId: chloe.id, targetId: ben.id, kind: "reaction", commentId: c.id, postId: post.id });
  });

  it("never records reacting to your own post", async () => {
    const ana = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    await setReaction(t.db, { memberId: ana.id, input: { subject: "post", id: post.id, type: "like" }, now });
    expect(await t.db.reaction.count()).toBe(1);
    expect(await interactions()).toHaveLength(0);
  });

  it("records a share toward the original author, also when sharing a share", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const original = await createPost(t.db, { authorId: ana.id, input: { body: "Original" }, now });
    const share = await createPost(t.db, { authorId: ben.id, input: { body: "Worth reading", sharedPostId: original.id }, now });
    const reshare = await createPost(t.db, { authorId: chloe.id, input: { body: "Seconding Ben", sharedPostId: share.id }, now });
    expect(reshare.sharedPostId).toBe(original.id);
    const rows = await interactions();
    expect(rows.map((r) => [r.actorId, r.targetId, r.kind, r.weight])).toEqual([
      [ben.id, ana.id, "share", 2],
      [chloe.id, ana.id, "share", 2],
    ]);
  });

  it("refuses a share without words of your own", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const original = await createPost(t.db, { authorId: ana.id, input: { body: "Original" }, now });
    await expect(createPost(t.db, { authorId: ben.id, input: { body: "   ", sharedPostId: original.id }, now })).rejects.toMatchObject({
      code: "validation",
      fields: { body: [expect.stringMatching(/write something/i)] },
    });
  });

  it("records kudos toward the recipient and tells them", async () => {
    const ana = await createMember({ handle: "ana_k" });
    const ben = await createMember();
    const kudos = await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "@Ana_K", body: "Thanks for the review!" }, now });
    const rows = await interactions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ben.id, targetId: ana.id, kind: "kudos", weight: 3, kudosId: kudos.id });
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "kudos_received" } })).toBe(1);
  });

  it("refuses kudos to yourself", async () => {
    await createMember({ handle: "self_k" });
    const me = await t.db.member.findUniqueOrThrow({ where: { handle: "self_k" } });
    await expect(giveKudos(t.db, { authorId: me.id, input: { recipientHandle: "self_k", body: "Go me" }, now })).rejects.toMatchObject({ code: "self" });
    expect(await interactions()).toHaveLength(0);
  });

  it("uses the admin's current weight at write time", async () => {
    await t.db.appSettings.upsert({ where: { id: 1 }, create: { values: { weights: { comment: 5 } } }, update: { values: { weights: { comment: 5 } } } });
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Hi" }, now });
    expect((await interactions())[0].weight).toBe(5);
  });

  it("keeps one reaction and one interaction when the same member reacts many times at once", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now });
    const types = ["like", "insightful", "thanks", "like", "like", "thanks"] as const;
    const results = await Promise.allSettled(types.map((type) => setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type }, now })));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await t.db.reaction.count()).toBe(1);
    expect(await interactions()).toHaveLength(1);
  });
});
