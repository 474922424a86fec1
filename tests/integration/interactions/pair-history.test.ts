import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember } from "@/tests/factories/members";
import { createInteraction } from "@/tests/factories/relations";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { loadPairHistory } from "@/lib/server/queries/pair-history";
import { listAboutViewer, listAwaitingConfirmation, listLoggedByViewer } from "@/lib/server/queries/interactions-list";
import { getAppSettings } from "@/lib/server/settings";

const t = useTestDatabase();
const d = (s: string) => new Date(`2026-03-${s}Z`);
const now = d("10T20:00:00");

describe("pair history", () => {
  beforeEach(() => t.reset());

  it("lists both directions newest first, with links, verification and the points each contributed", async () => {
    const ana = await createMember({ handle: "ana_h", name: "Ana Ferreira" });
    const ben = await createMember({ handle: "ben_h", name: "Ben Okafor" });
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Queues!" }, now: d("08T09:00:00") });
    const comment = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Which broker?" }, now: d("08T10:00:00") });
    const reply = await createComment(t.db, { authorId: ana.id, input: { postId: post.id, parentId: comment.id, body: "Postgres, really" }, now: d("08T11:00:00") });
    await setReaction(t.db, { memberId: ben.id, input: { subject: "comment", id: reply.id, type: "insightful" }, now: d("09T09:00:00") });
    const kudos = await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_h", body: "Great talk" }, now: d("09T10:00:00") });
    const logged = await logInteraction(t.db, { actorId: ben.id, input: { targetHandle: "ana_h", platform: "x", kind: "reply", occurredOn: "2026-03-10", evidenceUrl: "https://x.com/ben/status/42", summary: "Thread on retries" }, now: d("10T15:00:00") });

    const items = await loadPairHistory(t.db, { viewerId: ben.id, otherId: ana.id, settings: await getAppSettings(t.db), now });
    expect(items.map((i) => [i.actor.handle, i.kind, i.context, i.verification])).toEqual([
      ["ben_h", "logged_reply", "logged", "pending"],
      ["ben_h", "kudos", "profile", "verified"],
      ["ben_h", "reaction", "comment", "verified"],
      ["ana_h", "comment", "reply", "verified"],
      ["ben_h", "comment", "post", "verified"],
    ]);
    const [log, k, reaction, anaReply, benComment] = items;
    expect(log).toMatchObject({ href: "https://x.com/ben/status/42", external: true, platform: "x", loggedKind: "reply", excerpt: "Thread on retries" });
    expect(log).toMatchObject({ direction: "outgoing", counted: true, points: 1, note: "pending_half", day: "2026-03-10" });
    expect(k).toMatchObject({ href: `/u/ana_h#kudos-${kudos.id}`, points: 3, excerpt: "Great talk" });
    expect(reaction).toMatchObject({ href: `/feed/p/${post.id}#c-${reply.id}`, points: 1, excerpt: null });
    expect(anaReply).toMatchObject({ direction: "incoming", counted: true, points: 0, href: `/feed/p/${post.id}#c-${reply.id}` });
    expect(benComment).toMatchObject({ href: `/feed/p/${post.id}#c-${comment.id}`, points: 3, excerpt: "Which broker?", windowDays: 180 });

    // The recipient's view of the same pair (request review): her own reply is now the incoming one.
    await decideLogged(t.db, { targetId: ana.id, input: { id: logged.id, decision: "confirm" }, now });
    const asRecipient = await loadPairHistory(t.db, { viewerId: ana.id, otherId: ben.id, settings: await getAppSettings(t.db), now, role: "recipient" });
    expect(asRecipient[0]).toMatchObject({ verification: "confirmed", points: 3, direction: "outgoing" });
  });

  it("explains what did not count: over the daily cap, removed, outside the window", async () => {
    const ana = await createMember({ policy: { preset: "standard", dailyPointCap: 3 } });
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: d("09T08:00:00") });
    const c1 = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "One" }, now: d("09T09:00:00") });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Two" }, now: d("09T10:00:00") });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Three" }, now: d("09T11:00:00") });
    await deleteComment(t.db, { authorId: ben.id, commentId: c1.id, now });
    await createInteraction({ actorId: ben.id, targetId: ana.id, kind: "comment", occurredAt: new Date("2025-06-01T12:00:00Z") });

    const items = await loadPairHistory(t.db, { viewerId: ben.id, otherId: ana.id, settings: await getAppSettings(t.db), now });
    expect(items.map((i) => [i.excerpt, i.counted, i.points, i.note, i.reason])).toEqual([
      ["Three", false, 0, null, "over_daily_cap"],
      ["Two", true, 3, null, null],
      [null, false, 0, null, "removed"],
      [null, false, 0, null, "outside_window"],
    ]);
    // Removed content is neither linked nor quoted.
    expect(items[2]).toMatchObject({ href: null, verification: "removed" });
  });

  it("shows a capped interaction with the points that still counted", async () => {
    const ana = await createMember({ policy: { preset: "standard", dailyPointCap: 4 } });
    const ben = await createMember();
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Post" }, now: d("09T08:00:00") });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "One" }, now: d("09T09:00:00") });
    await createPost(t.db, { authorId: ben.id, input: { body: "Sharing", sharedPostId: post.id }, now: d("09T10:00:00") });
    const items = await loadPairHistory(t.db, { viewerId: ben.id, otherId: ana.id, settings: await getAppSettings(t.db), now });
    expect(items[0]).toMatchObject({ kind: "share", counted: true, points: 1, note: "capped" });
  });
});

describe("the /interactions lists", () => {
  beforeEach(() => t.reset());

  it("shows the target what awaits confirmation, the actor what they logged, and 'about you' judged by the viewer's protocol", async () => {
    const ana = await createMember({ handle: "ana_i", policy: { preset: "friendly" } });
    const ben = await createMember({ handle: "ben_i" });
    const chloe = await createMember({ handle: "chloe_i" });
    const base = { platform: "event", kind: "met_in_person", occurredOn: "2026-03-09" } as const;
    const l1 = await logInteraction(t.db, { actorId: ben.id, input: { ...base, targetHandle: "ana_i" }, now: d("10T09:00:00") });
    await logInteraction(t.db, { actorId: chloe.id, input: { ...base, targetHandle: "ana_i", evidenceUrl: "https://meetup.example/1" }, now: d("10T10:00:00") });
    await logInteraction(t.db, { actorId: ben.id, input: { ...base, targetHandle: "chloe_i" }, now: d("10T11:00:00") });
    await decideLogged(t.db, { targetId: chloe.id, input: { id: (await t.db.loggedInteraction.findFirstOrThrow({ where: { targetId: chloe.id } })).id, decision: "dispute" }, now });

    const awaiting = await listAwaitingConfirmation(t.db, { viewerId: ana.id });
    expect(awaiting.map((r) => r.other.handle)).toEqual(["ben_i", "chloe_i"]);
    // Pending logs about others are never listed for a third member.
    expect(await listAwaitingConfirmation(t.db, { viewerId: ben.id })).toEqual([]);

    const byBen = await listLoggedByViewer(t.db, { viewerId: ben.id });
    expect(byBen.map((r) => [r.other.handle, r.status])).toEqual([
      ["chloe_i", "disputed"],
      ["ana_i", "pending"],
    ]);

    const about = await listAboutViewer(t.db, { viewerId: ana.id, now, settings: await getAppSettings(t.db) });
    expect(about).toHaveLength(2);
    const fromBen = about.find((i) => i.actor.id === ben.id)!;
    expect(fromBen).toMatchObject({ id: (await t.db.interaction.findFirstOrThrow({ where: { loggedId: l1.id } })).id, direction: "outgoing", points: 2, note: "pending_half" });
  });
});
