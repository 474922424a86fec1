import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { deletePost } from "@/lib/server/services/posts/delete-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { deleteKudos } from "@/lib/server/services/kudos/delete-kudos";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";

const t = useTestDatabase();
const day1 = new Date("2026-03-09T10:00:00Z");
const day2 = new Date("2026-03-10T10:00:00Z");
const now = new Date("2026-03-10T18:00:00Z");

const points = async (from: string, to: string) =>
  (await evaluatePair(t.db, { viewerId: from, otherId: to, now }))!.criteria.find((c) => c.key === "points")!.current;

describe("deleting content removes its interactions from evaluations", () => {
  beforeEach(() => t.reset());

  it("deleting a comment drops its points and marks its interactions removed", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(ana.id, { body: "Post" }, day1);
    await createComment(ben.id, { postId: post.id, body: "First" }, day1);
    const second = await createComment(ben.id, { postId: post.id, body: "Second" }, day2);
    expect(await points(ben.id, ana.id)).toBe(6);
    await deleteComment(ben.id, second.id, now);
    expect(await points(ben.id, ana.id)).toBe(3);
    const removed = await t.db.interaction.findFirstOrThrow({ where: { commentId: second.id } });
    expect(removed.verification).toBe("removed");
    const verdict = (await evaluatePair(t.db, { viewerId: ben.id, otherId: ana.id, now }))!.interactions.find((v) => v.id === removed.id)!;
    expect(verdict).toMatchObject({ counted: false, reason: "removed" });
  });

  it("deleting a post removes mentions in it, reactions on it and its whole thread", async () => {
    const ana = await createMember();
    const ben = await createMember({ handle: "ben_d" });
    const chloe = await createMember();
    const post = await createPost(ana.id, { body: "Thanks @ben_d" }, day1);
    const c = await createComment(ben.id, { postId: post.id, body: "Any time" }, day1);
    await createComment(chloe.id, { postId: post.id, parentId: c.id, body: "+1" }, day1);
    await setReaction(chloe.id, { subject: "post", id: post.id, type: "like" }, day2);
    await setReaction(chloe.id, { subject: "comment", id: c.id, type: "thanks" }, day2);
    const otherPost = await createPost(ana.id, { body: "Another" }, day2);
    await createComment(ben.id, { postId: otherPost.id, body: "Stays" }, day2);

    expect(await points(ana.id, ben.id)).toBe(2);
    expect(await points(chloe.id, ana.id)).toBe(1);
    await deletePost(ana.id, post.id, now);
    expect(await points(ana.id, ben.id)).toBe(0);
    expect(await points(chloe.id, ana.id)).toBe(0);
    expect(await points(chloe.id, ben.id)).toBe(0);
    // Interactions on other content are untouched.
    expect(await points(ben.id, ana.id)).toBe(3);
    const live = await t.db.interaction.findMany({ where: { verification: { not: "removed" } } });
    expect(live).toHaveLength(1);
    expect(live[0].postId).toBe(otherPost.id);
  });

  it("deleting a share removes the share interaction; the original stays", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const original = await createPost(ana.id, { body: "Original" }, day1);
    const share = await createPost(ben.id, { body: "Read this", sharedPostId: original.id }, day1);
    expect(await points(ben.id, ana.id)).toBe(2);
    await deletePost(ben.id, share.id, now);
    expect(await points(ben.id, ana.id)).toBe(0);
    expect((await t.db.post.findUniqueOrThrow({ where: { id: original.id } })).deletedAt).toBeNull();
  });

  it("deleting kudos drops their points", async () => {
    const ana = await createMember({ handle: "ana_dk" });
    const ben = await createMember();
    const kudos = await giveKudos(ben.id, { recipientHandle: "ana_dk", body: "Thanks!" }, day1);
    expect(await points(ben.id, ana.id)).toBe(3);
    await deleteKudos(ben.id, kudos.id, now);
    expect(await points(ben.id, ana.id)).toBe(0);
  });

  it("only the author may delete; for anyone else the content does not exist", async () => {
    const ana = await createMember({ handle: "ana_o" });
    const ben = await createMember();
    const post = await createPost(ana.id, { body: "Mine" }, day1);
    const c = await createComment(ben.id, { postId: post.id, body: "His" }, day1);
    const k = await giveKudos(ben.id, { recipientHandle: "ana_o", body: "Thanks" }, day1);
    await expect(deletePost(ben.id, post.id, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteComment(ana.id, c.id, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteKudos(ana.id, k.id, now)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.interaction.count({ where: { verification: "removed" } })).toBe(0);
  });

  it("a deleted post can no longer be commented on, reacted to or shared", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(ana.id, { body: "Soon gone" }, day1);
    await deletePost(ana.id, post.id, day1);
    await expect(createComment(ben.id, { postId: post.id, body: "Hello?" }, day2)).rejects.toMatchObject({ code: "not_found" });
    await expect(setReaction(ben.id, { subject: "post", id: post.id, type: "like" }, day2)).rejects.toMatchObject({ code: "not_found" });
    await expect(createPost(ben.id, { body: "Look", sharedPostId: post.id }, day2)).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.interaction.count()).toBe(0);
  });
});
