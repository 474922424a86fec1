import { beforeEach, describe, expect, it } from "vitest";
import { getAppSettings } from "@/lib/server/settings";
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
  (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: from, otherId: to, now }))!.criteria.find((c) => c.key === "points")!.current;

describe("deleting content removes its interactions from evaluations", () => {
  beforeEach(() => t.reset());

  it("deleting a comment drops its points and marks its interactions removed", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "First" }, now: day1 });
    const second = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Second" }, now: day2 });
    expect(await points(ben.id, ana.id)).toBe(6);
    await deleteComment(t.db, { authorId: ben.id, commentId: second.id, now });
    expect(await points(ben.id, ana.id)).toBe(3);
    const removed = await t.db.interaction.findFirstOrThrow({ where: { commentId: second.id } });
    expect(removed.verification).toBe("removed");
    const verdict = (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now }))!.interactions.find((v) => v.id === removed.id)!;
    expect(verdict).toMatchObject({ counted: false, reason: "removed" });
  });

  it("deleting a post removes mentions in it, reactions on it and its whole thread", async () => {
    const ana = await createMember();
    const ben = await createMember({ handle: "ben_d" });
    const chloe = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Thanks @ben_d" }, now: day1 });
    const c = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Any time" }, now: day1 });
    await createComment(t.db, { authorId: chloe.id, input: { postId: post.id, parentId: c.id, body: "+1" }, now: day1 });
    await setReaction(t.db, { memberId: chloe.id, input: { subject: "post", id: post.id, type: "like" }, now: day2 });
    await setReaction(t.db, { memberId: chloe.id, input: { subject: "comment", id: c.id, type: "thanks" }, now: day2 });
    const otherPost = await createPost(t.db, { authorId: ana.id, input: { body: "Another" }, now: day2 });
    await createComment(t.db, { authorId: ben.id, input: { postId: otherPost.id, body: "Stays" }, now: day2 });

    expect(await points(ana.id, ben.id)).toBe(2);
    expect(await points(chloe.id, ana.id)).toBe(1);
    await deletePost(t.db, { authorId: ana.id, postId: post.id, now });
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
    const original = await createPost(t.db, { authorId: ana.id, input: { body: "Original" }, now: day1 });
    const share = await createPost(t.db, { authorId: ben.id, input: { body: "Read this", sharedPostId: original.id }, now: day1 });
    expect(await points(ben.id, ana.id)).toBe(2);
    await deletePost(t.db, { authorId: ben.id, postId: share.id, now });
    expect(await points(ben.id, ana.id)).toBe(0);
    expect((await t.db.post.findUniqueOrThrow({ where: { id: original.id } })).deletedAt).toBeNull();
  });

  it("deleting kudos drops their points", async () => {
    const ana = await createMember({ handle: "ana_dk" });
    const ben = await createMember();
    const kudos = await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_dk", body: "Thanks!" }, now: day1 });
    expect(await points(ben.id, ana.id)).toBe(3);
    await deleteKudos(t.db, { authorId: ben.id, kudosId: kudos.id, now });
    expect(await points(ben.id, ana.id)).toBe(0);
  });

  it("only the author may delete; for anyone else the content does not exist", async () => {
    const ana = await createMember({ handle: "ana_o" });
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Mine" }, now: day1 });
    const c = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "His" }, now: day1 });
    const k = await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_o", body: "Thanks" }, now: day1 });
    await expect(deletePost(t.db, { authorId: ben.id, postId: post.id, now })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteComment(t.db, { authorId: ana.id, commentId: c.id, now })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteKudos(t.db, { authorId: ana.id, kudosId: k.id, now })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.interaction.count({ where: { verification: "removed" } })).toBe(0);
  });

  it("a deleted post can no longer be commented on, reacted to or shared", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Soon gone" }, now: day1 });
    await deletePost(t.db, { authorId: ana.id, postId: post.id, now: day1 });
    await expect(createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Hello?" }, now: day2 })).rejects.toMatchObject({ code: "not_found" });
    await expect(setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now: day2 })).rejects.toMatchObject({ code: "not_found" });
    await expect(createPost(t.db, { authorId: ben.id, input: { body: "Look", sharedPostId: post.id }, now: day2 })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.interaction.count()).toBe(0);
  });
});
