import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { createPost } from "@/lib/server/services/posts/create-post";
import { deletePost } from "@/lib/server/services/posts/delete-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { blockedWith, getPost, listPosts } from "@/lib/server/queries/feed";

const t = useTestDatabase();
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 8, minutes));

describe("the feed query", () => {
  beforeEach(() => t.reset());

  it("pages newest first by cursor without skipping or repeating posts written in the same instant", async () => {
    const ana = await createMember();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await createPost(t.db, { authorId: ana.id, input: { body: `Post ${i}` }, now: at(i < 4 ? 0 : i) })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listPosts(t.db, { viewerId: ana.id, cursor, limit: 3 });
      seen.push(...page.posts.map((p) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3)).toEqual([ids[6], ids[5], ids[4]]);
  });

  it("ignores a malformed cursor and starts from the newest", async () => {
    const ana = await createMember();
    await createPost(t.db, { authorId: ana.id, input: { body: "Only post" }, now: at(0) });
    expect((await listPosts(t.db, { viewerId: null, cursor: "not-a-cursor" })).posts).toHaveLength(1);
  });

  it("hides members in a block (either direction), their comments, and removed posts", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const chloe = await createMember();
    const anaPost = await createPost(t.db, { authorId: ana.id, input: { body: "Ana's" }, now: at(1) });
    await createPost(t.db, { authorId: ben.id, input: { body: "Ben's" }, now: at(2) });
    const gone = await createPost(t.db, { authorId: chloe.id, input: { body: "Chloé's, soon removed" }, now: at(3) });
    await createComment(t.db, { authorId: ben.id, input: { postId: anaPost.id, body: "Ben on Ana's" }, now: at(4) });
    await createComment(t.db, { authorId: chloe.id, input: { postId: anaPost.id, body: "Chloé on Ana's" }, now: at(5) });
    await deletePost(t.db, { authorId: chloe.id, postId: gone.id, now: at(6) });
    await createBlock(ben.id, chloe.id);

    const forChloe = await listPosts(t.db, { viewerId: chloe.id });
    expect(forChloe.posts.map((p) => p.body)).toEqual(["Ana's"]);
    expect(forChloe.posts[0].comments.map((c) => c.body)).toEqual(["Chloé on Ana's"]);
    expect(forChloe.posts[0].commentCount).toBe(1);
    // The profile page reads the viewer's blocks once and hands them over: same page.
    expect(await listPosts(t.db, { viewerId: chloe.id, blocked: await blockedWith(t.db, chloe.id) })).toEqual(forChloe);

    const signedOut = await listPosts(t.db, { viewerId: null });
    expect(signedOut.posts.map((p) => p.body)).toEqual(["Ben's", "Ana's"]);
    expect(await getPost(t.db, { viewerId: chloe.id, postId: (await t.db.post.findFirstOrThrow({ where: { authorId: ben.id } })).id })).toBeNull();

    // The post page of a removed post says so, without its text.
    const removed = await getPost(t.db, { viewerId: null, postId: gone.id });
    expect(removed?.post).toMatchObject({ removed: true, body: "", comments: [] });
  });

  it("threads replies under their comment and keeps a removed comment only as a placeholder for its replies", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: at(0) });
    const c1 = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "First" }, now: at(1) });
    await createComment(t.db, { authorId: ana.id, input: { postId: post.id, parentId: c1.id, body: "Reply to first" }, now: at(2) });
    const c2 = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Second, removed" }, now: at(3) });
    await deleteComment(t.db, { authorId: ben.id, commentId: c1.id, now: at(4) });
    await deleteComment(t.db, { authorId: ben.id, commentId: c2.id, now: at(5) });
    const { post: p } = (await getPost(t.db, { viewerId: ana.id, postId: post.id }))!;
    expect(p.comments).toHaveLength(1);
    expect(p.comments[0]).toMatchObject({ removed: true, body: "" });
    expect(p.comments[0].replies.map((r) => r.body)).toEqual(["Reply to first"]);
    expect(p.commentCount).toBe(1);
  });

  it("counts reactions per type and marks the viewer's own", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: at(0) });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now: at(1) });
    await setReaction(t.db, { memberId: chloe.id, input: { subject: "post", id: post.id, type: "insightful" }, now: at(2) });
    await setReaction(t.db, { memberId: ana.id, input: { subject: "post", id: post.id, type: "like" }, now: at(3) });
    const page = await listPosts(t.db, { viewerId: chloe.id });
    expect(page.posts[0].reactions).toEqual({ counts: { like: 2, insightful: 1, thanks: 0 }, mine: "insightful" });
  });

  it("resolves only mentions of members the viewer may see", async () => {
    const ana = await createMember({ handle: "ana_f" });
    await createMember({ handle: "ben_f" });
    const chloe = await createMember({ handle: "chloe_f" });
    await createBlock(chloe.id, ana.id);
    const dev = await createMember();
    await createPost(t.db, { authorId: dev.id, input: { body: "Hello @ana_f @ben_f @chloe_f @ghost_f" }, now: at(0) });
    expect((await listPosts(t.db, { viewerId: ana.id })).mentionable.sort()).toEqual(["ana_f", "ben_f"]);
    expect((await listPosts(t.db, { viewerId: null })).mentionable.sort()).toEqual(["ana_f", "ben_f", "chloe_f"]);
  });

  it("shows only the newest threads on the feed and says how many more there are", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: at(0) });
    for (let i = 1; i <= 5; i++) await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: `C${i}` }, now: at(i) });
    const page = await listPosts(t.db, { viewerId: ana.id, threadsPerPost: 3 });
    expect(page.posts[0].comments.map((c) => c.body)).toEqual(["C3", "C4", "C5"]);
    expect(page.posts[0].moreThreads).toBe(2);
    expect(page.posts[0].commentCount).toBe(5);
  });

  it("shows a share with the post it shares, or says the original was removed", async () => {
    const ana = await createMember();
    const ben = await createMember();
    const original = await createPost(t.db, { authorId: ana.id, input: { body: "Original" }, now: at(0) });
    await createPost(t.db, { authorId: ben.id, input: { body: "Read this", sharedPostId: original.id }, now: at(1) });
    let share = (await listPosts(t.db, { viewerId: null })).posts[0];
    expect(share.shared).toMatchObject({ available: true, body: "Original" });
    await deletePost(t.db, { authorId: ana.id, postId: original.id, now: at(2) });
    share = (await listPosts(t.db, { viewerId: null })).posts[0];
    expect(share.shared).toMatchObject({ available: false, reason: "removed" });
  });
});
