import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import type { Db } from "@/lib/db/create-client";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { withdrawRequest } from "@/lib/server/services/requests/withdraw-request";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { createPost } from "@/lib/server/services/posts/create-post";
import { deletePost } from "@/lib/server/services/posts/delete-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { blockMember } from "@/lib/server/services/blocks/block";
import { suspendMember } from "@/lib/server/services/admin/suspend-member";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { updateMe } from "@/lib/server/services/accounts/update-me";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createReport } from "@/lib/server/services/reports/create-report";
import { createAdmin, createMember, createMembers } from "@/tests/factories/members";
import { createPost as seedPost } from "@/tests/factories/content";
import { createConnection } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { tableFingerprint } from "@/tests/support/table-counts";
import { InjectedFault, failAtWrite, recordWrites } from "@/tests/support/faults";
import { NOTE, NOW, daysAfter, warmUp } from "../requests/helpers";

/**
 * Nothing half-written: every multi-write use case is run once to learn its writes, then once
 * per write with that write failing ("the database went away midway"). Each time the service
 * must throw and every table must be exactly as before — rows and contents (a soft delete or
 * a status change that survived would show).
 */
const t = useTestDatabase();
let injected = 0;
afterAll(() => console.info(`[faults] ${injected} failures injected`));

type Case = { name: string; minWrites: number; setup: () => Promise<(db: Db) => Promise<unknown>> };

const cases: Case[] = [
  {
    name: "send a request",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      return async () => sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    },
  },
  {
    name: "send a request that answers theirs (mutual: accept + connect)",
    minWrites: 4,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      await warmUp(ana.id, ben.id);
      await sendRequest(await getDb(), { requesterId: ana.id, input: { to: ben.handle, note: NOTE }, now: NOW });
      return async () => sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "accept a request",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const sent = await sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
      return async () => acceptRequest(await getDb(), { recipientId: ana.id, requestId: sent.requestId, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "decline a request",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const sent = await sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
      return async () => declineRequest(await getDb(), { recipientId: ana.id, requestId: sent.requestId, input: { reason: "no" }, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "withdraw a request",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      const sent = await sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
      return async () => withdrawRequest(await getDb(), { requesterId: ben.id, requestId: sent.requestId, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "log an interaction",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      return (db) => logInteraction(db, { actorId: ben.id, input: { targetHandle: ana.handle, platform: "x", kind: "reply", occurredOn: "2027-03-09", evidenceUrl: "https://x.com/b/status/9" }, now: NOW });
    },
  },
  {
    name: "confirm a logged interaction",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      const logged = await logInteraction(t.db, { actorId: ben.id, input: { targetHandle: ana.handle, platform: "event", kind: "met_in_person", occurredOn: "2027-03-09" }, now: NOW });
      return (db) => decideLogged(db, { targetId: ana.id, input: { id: logged.id, decision: "confirm" }, now: NOW });
    },
  },
  {
    name: "post with a mention",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      return (db) => createPost(db, { authorId: ben.id, input: { body: `Great talk, @${ana.handle}!` }, now: NOW });
    },
  },
  {
    name: "comment (with a mention) on someone's post",
    minWrites: 3,
    setup: async () => {
      const [ben, ana, cy] = await createMembers(3);
      const post = await seedPost({ authorId: ana.id });
      return (db) => createComment(db, { authorId: ben.id, input: { postId: post.id, body: `Agreed — cc @${cy.handle}` }, now: NOW });
    },
  },
  {
    name: "react to a post",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      const post = await seedPost({ authorId: ana.id });
      return (db) => setReaction(db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "insightful" }, now: NOW });
    },
  },
  {
    name: "delete a post with a thread",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      const post = await createPost(t.db, { authorId: ana.id, input: { body: "A post people reply to" }, now: NOW });
      await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "A reply" }, now: NOW });
      await setReaction(t.db, { memberId: ben.id, input: { subject: "post", id: post.id, type: "like" }, now: NOW });
      return (db) => deletePost(db, { authorId: ana.id, postId: post.id, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "delete a comment",
    minWrites: 2,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      const post = await seedPost({ authorId: ana.id });
      const comment = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Soon gone" }, now: NOW });
      return (db) => deleteComment(db, { authorId: ben.id, commentId: comment.id, now: daysAfter(NOW, 1) });
    },
  },
  {
    name: "give kudos",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      return (db) => giveKudos(db, { authorId: ben.id, input: { recipientHandle: ana.handle, body: "Thanks for the review!" }, now: NOW });
    },
  },
  {
    name: "block a member who has a request pending (withdrawn with it)",
    minWrites: 3,
    setup: async () => {
      const [ben, ana] = await createMembers(2);
      await warmUp(ben.id, ana.id);
      await sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
      return (db) => blockMember(db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    },
  },
  {
    name: "block a connection (the connection is removed with it)",
    minWrites: 3,
    setup: async () => {
      const [ana, cy] = await createMembers(2);
      await createConnection(ana.id, cy.id);
      return (db) => blockMember(db, { blockerId: ana.id, input: { handle: cy.handle }, now: NOW });
    },
  },
  {
    name: "suspend a member (withdraws requests, closes reports, notifies, audits)",
    minWrites: 4,
    setup: async () => {
      const admin = await createAdmin();
      const [ben, ana, cy] = await createMembers(3);
      await warmUp(ben.id, ana.id);
      await warmUp(ben.id, cy.id);
      await sendRequest(await getDb(), { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
      await sendRequest(await getDb(), { requesterId: ben.id, input: { to: cy.handle, note: NOTE }, now: NOW });
      await createReport(t.db, { reporterId: ana.id, input: { subjectType: "member", subjectId: ben.id, reason: "spam" }, now: NOW });
      return (db) => suspendMember(db, { adminId: admin.id, input: { memberId: ben.id, reason: "Spamming requests" }, now: NOW });
    },
  },
  {
    name: "introduce two connections",
    minWrites: 3,
    setup: async () => {
      const [me, a, b] = await createMembers(3);
      await createConnection(me.id, a.id);
      await createConnection(me.id, b.id);
      return (db) => introduce(db, { introducerId: me.id, input: { introducedHandle: a.handle, introducedToHandle: b.handle, note: "You both love Postgres." }, now: NOW });
    },
  },
  {
    name: "sign up",
    minWrites: 4,
    setup: async () => (db) => signUp(db, { input: { email: "fresh@example.test", password: "a long enough password", handle: "fresh_one", name: "Fresh" }, ip: "198.51.100.1", now: NOW }),
  },
  {
    name: "update me (a link started, another unlinked, profile fields, the opt-in)",
    minWrites: 4,
    setup: async () => {
      const ana = await createMember();
      await t.db.linkedAccount.create({ data: { memberId: ana.id, network: "mastodon", handle: "@ana@social.example", externalId: "https://social.example/@ana", code: "c" } });
      const links = { bluesky: { network: "bluesky", step: "start", handle: "ana.bsky.social", did: "did:plc:ana2ana2ana2ana2ana2ana2" }, mastodon: null } as const;
      return (db) => updateMe(db, { memberId: ana.id, changes: { links, profile: { headline: "Changed" }, findInteractions: true }, now: NOW });
    },
  },
  {
    name: "create an API token",
    minWrites: 2,
    setup: async () => {
      const m = await createMember();
      return (db) => createToken(db, { memberId: m.id, input: { name: "script" }, now: NOW });
    },
  },
];

describe("a failure midway through any multi-write use case leaves nothing half-written", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    await t.reset();
    const writes = await recordWrites(t.opened, await c.setup());
    expect(writes.length, `writes seen: ${writes.join(", ")}`).toBeGreaterThanOrEqual(c.minWrites);

    for (let n = 0; n < writes.length; n++) {
      await t.reset();
      const run = await c.setup();
      const before = await tableFingerprint(t.opened);
      const thrown = await failAtWrite(t.opened, n, run);
      injected++;
      expect(thrown, `failing ${writes[n]} (write ${n + 1} of ${writes.length})`).toBeInstanceOf(InjectedFault);
      expect(await tableFingerprint(t.opened), `after failing ${writes[n]} (write ${n + 1} of ${writes.length})`).toEqual(before);
    }
  });

  it("counts its injections", () => {
    expect(injected).toBeGreaterThanOrEqual(cases.length * 2);
  });
});
