import { beforeAll, describe, expect, it } from "vitest";
import { suggestPeople } from "@/lib/server/queries/suggestions";
import { createComment, createPost } from "@/tests/factories/content";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createBlock, createConnection, createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { NOW, daysAfter } from "../requests/helpers";

const t = useTestDatabase();

describe("people to warm up with", () => {
  let me: FactoryMember;
  const m: Record<string, FactoryMember> = {};
  const suggest = async () => suggestPeople(t.db, { viewerId: me.id, now: NOW, take: 50 });
  const reasonsOf = async (handle: string) => (await suggest()).find((s) => s.member.handle === handle)?.reasons;
  const handles = async () => (await suggest()).map((s) => s.member.handle);

  beforeAll(async () => {
    me = await createMember({ handle: "me_me", name: "Me Myself", topics: ["design", "climate", "rust"] });
    for (const h of ["friend_a", "friend_b", "friend_c"]) m[h] = await createMember({ handle: h });
    for (const f of ["friend_a", "friend_b", "friend_c"]) await createConnection(me.id, m[f].id);

    // Three mutual connections.
    m.mutual3 = await createMember({ handle: "mutual_three", name: "Mia Mutual" });
    for (const f of ["friend_a", "friend_b", "friend_c"]) await createConnection(m[f].id, m.mutual3.id);
    // Replied to my post twice, and I never answered.
    m.replier = await createMember({ handle: "replier", name: "Rita Replier" });
    for (const d of [-5, -3]) await createInteraction({ actorId: m.replier.id, targetId: me.id, kind: "comment", occurredAt: daysAfter(NOW, d) });
    // Mentioned me once, but I answered afterwards: nothing to answer.
    m.answered = await createMember({ handle: "answered", name: "Andy Answered" });
    await createInteraction({ actorId: m.answered.id, targetId: me.id, kind: "mention", occurredAt: daysAfter(NOW, -6) });
    await createInteraction({ actorId: me.id, targetId: m.answered.id, kind: "comment", occurredAt: daysAfter(NOW, -4) });
    // Active in two threads I took part in (my post, and someone else's post I commented on).
    m.threader = await createMember({ handle: "threader", name: "Theo Thread" });
    const mine = await createPost({ authorId: me.id, createdAt: daysAfter(NOW, -10) });
    const theirs = await createPost({ authorId: m.friend_a.id, createdAt: daysAfter(NOW, -10) });
    await createComment({ postId: theirs.id, authorId: me.id, createdAt: daysAfter(NOW, -9) });
    for (const post of [mine, theirs]) await createComment({ postId: post.id, authorId: m.threader.id, createdAt: daysAfter(NOW, -8) });
    // Shares two topics.
    m.topical = await createMember({ handle: "topical", name: "Tess Topics", topics: ["climate", "design", "cooking"] });

    // Every exclusion, each also with a reason that would otherwise suggest them.
    const excluded = async (handle: string, attrs: Parameters<typeof createMember>[0] = {}) => {
      m[handle] = await createMember({ handle, topics: ["design"], ...attrs });
      return m[handle];
    };
    await excluded("hidden", { discoverable: false });
    await excluded("suspended", { suspendedAt: daysAfter(NOW, -1) });
    await excluded("closed", { policy: { preset: "closed" } });
    await createBlock((await excluded("blocker")).id, me.id);
    await createBlock(me.id, (await excluded("blocked")).id);
    await createConnection(me.id, (await excluded("connected")).id);
    for (const [handle, from] of [["asked_me", "x"], ["i_asked", "me"]] as const) {
      const other = await excluded(handle);
      const [requesterId, recipientId] = from === "me" ? [me.id, other.id] : [other.id, me.id];
      await t.db.connectionRequest.create({
        data: { requesterId, recipientId, note: "n".repeat(40), snapshot: {}, status: "pending", pendingPairKey: [requesterId, recipientId].sort().join(":"), createdAt: daysAfter(NOW, -2), expiresAt: daysAfter(NOW, 28) },
      });
    }
    // I declined their request (its cooldown still runs): not suggested back to me. Once the
    // cooldown is over, they may be again.
    for (const [handle, cooldownUntil] of [["i_declined", daysAfter(NOW, 30)], ["declined_long_ago", daysAfter(NOW, -1)]] as const) {
      const other = handle === "i_declined" ? await excluded(handle) : (m[handle] = await createMember({ handle, topics: ["design"] }));
      await t.db.connectionRequest.create({
        data: { requesterId: other.id, recipientId: me.id, note: "n".repeat(40), snapshot: {}, status: "declined", declineReason: "no", cooldownUntil, createdAt: daysAfter(NOW, -100), decidedAt: daysAfter(NOW, -91), expiresAt: daysAfter(NOW, -70) },
      });
      await createInteraction({ actorId: other.id, targetId: me.id, kind: "comment", occurredAt: daysAfter(NOW, -2) });
    }
  });

  it.each([
    ["mutual_three", ["3 mutual connections"]],
    ["replier", ["replied to your post twice"]],
    ["threader", ["active in 2 threads you took part in"]],
    ["topical", ["also into climate and design"]],
  ])("suggests %s with the reason in words", async (handle, reasons) => {
    expect(await reasonsOf(handle)).toEqual(reasons);
  });

  it("does not count interactions already answered", async () => {
    expect(await reasonsOf("answered")).toBeUndefined();
  });

  it("never suggests the viewer, connections, blocks either way, suspended, closed protocols, opted-out members, pending requests or someone whose request I declined", async () => {
    const found = await handles();
    for (const h of ["me_me", "friend_a", "friend_b", "friend_c", "connected", "blocker", "blocked", "suspended", "closed", "hidden", "asked_me", "i_asked", "i_declined"]) {
      expect(found).not.toContain(h);
    }
    expect(found).toContain("declined_long_ago");
  });

  it("puts the unanswered and the well-connected first", async () => {
    const found = await handles();
    expect(found.slice(0, 2).sort()).toEqual(["mutual_three", "replier"]);
    expect(found.indexOf("topical")).toBeGreaterThan(found.indexOf("threader"));
  });

  it("gives several reasons when there are several", async () => {
    await createInteraction({ actorId: m.topical.id, targetId: me.id, kind: "reaction", occurredAt: daysAfter(NOW, -1) });
    expect(await reasonsOf("topical")).toEqual(["reacted to your post", "also into climate and design"]);
  });

  it("suggests nobody to a member with no network, posts or topics", async () => {
    const loner = await createMember({ handle: "loner" });
    expect(await suggestPeople(t.db, { viewerId: loner.id, now: NOW, take: 10 })).toEqual([]);
  });
});
