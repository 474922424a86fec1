import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listNotifications } from "@/lib/server/queries/notifications";
import { setClockForTests } from "@/lib/server/clock";
import { AppError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/auth/password";
import { loadSessionViewer } from "@/lib/server/auth/viewer";
import { changePassword } from "@/lib/server/services/accounts/change-password";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { eraseAccount, eraseDueAccounts } from "@/lib/server/services/accounts/erase-account";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { createPost as writePost } from "@/lib/server/services/posts/create-post";
import { createComment as writeComment } from "@/lib/server/services/comments/create-comment";
import { blockMember } from "@/lib/server/services/blocks/block";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { findProfile } from "@/lib/server/queries/profile";
import { listBlocksMade } from "@/lib/server/queries/blocks";
import { KNOWN_PASSWORD, createMember } from "@/tests/factories/members";
import { createComment, createKudos, createPost } from "@/tests/factories/content";
import { createConnection } from "@/tests/factories/relations";
import { tableCounts } from "@/tests/support/table-counts";
import { useTestDatabase } from "@/tests/support/test-database";
import { del, get } from "@/tests/integration/api/http";
import { NOTE, NOW, daysAfter, expectRefused, warmUp } from "@/tests/integration/requests/helpers";

const t = useTestDatabase();
beforeAll(() => setClockForTests(NOW));
afterAll(() => setClockForTests(undefined));
beforeEach(() => t.reset());

let octet = 0;
const ip = () => `192.0.2.${++octet}`;
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a refusal"); }, (e: unknown) => e as AppError);

describe("change password", () => {
  it("needs the current password, names the field when wrong, and changes nothing then", async () => {
    const m = await createMember();
    const before = await tableCounts(t.opened);
    const missing = await refusal(changePassword(t.db, { memberId: m.id, input: { newPassword: "a brand new password" }, ip: ip(), now: NOW }));
    expect(missing).toMatchObject({ code: "validation", fields: { currentPassword: ["Enter your current password."] } });
    const wrong = await refusal(changePassword(t.db, { memberId: m.id, input: { currentPassword: "not it at all", newPassword: "a brand new password" }, ip: ip(), now: NOW }));
    expect(wrong).toMatchObject({ code: "validation", fields: { currentPassword: ["That isn't your current password."] } });
    const short = await refusal(changePassword(t.db, { memberId: m.id, input: { currentPassword: KNOWN_PASSWORD, newPassword: "short" }, ip: ip(), now: NOW }));
    expect(short.fields?.newPassword?.[0]).toMatch(/at least 10/);
    const after = await tableCounts(t.opened);
    expect({ ...after, auth_attempt: 0 }).toEqual({ ...before, auth_attempt: 0 }); // only the wrong guess is counted
    expect((await t.db.member.findUniqueOrThrow({ where: { id: m.id } })).sessionVersion).toBe(0);
  });

  it("changes it, ends every other session and audits it; the old password stops working", async () => {
    const m = await createMember();
    const r = await changePassword(t.db, { memberId: m.id, input: { currentPassword: KNOWN_PASSWORD, newPassword: "a brand new password" }, ip: ip(), now: NOW });
    expect(r).toEqual({ sessionVersion: 1, set: false });
    expect(await loadSessionViewer(m.id, 0, NOW)).toBeNull();
    const row = await t.db.member.findUniqueOrThrow({ where: { id: m.id } });
    expect(await verifyPassword(row.passwordHash, "a brand new password")).toBe(true);
    expect((await signInWithPassword(t.db, { input: { email: m.email, password: KNOWN_PASSWORD }, ip: ip(), now: NOW })).ok).toBe(false);
    expect(await signInWithPassword(t.db, { input: { email: m.email, password: "a brand new password" }, ip: ip(), now: NOW })).toMatchObject({ ok: true, sessionVersion: 1 });
    expect(await t.db.auditEvent.findMany({ where: { actorId: m.id }, select: { action: true } })).toEqual([{ action: "account.password_changed" }]);
  });

  it("lets a member who signed up with OAuth set a password without a current one", async () => {
    const m = await createMember({ passwordHash: null });
    expect(await changePassword(t.db, { memberId: m.id, input: { newPassword: "my first password" }, ip: ip(), now: NOW })).toEqual({ sessionVersion: 1, set: true });
    expect((await signInWithPassword(t.db, { input: { email: m.email, password: "my first password" }, ip: ip(), now: NOW })).ok).toBe(true);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { actorId: m.id } })).action).toBe("account.password_set");
  });

  it("is throttled like sign-in: the sixth wrong guess in 15 minutes is refused even with the right password", async () => {
    const m = await createMember();
    for (let i = 0; i < 5; i++) {
      expect((await refusal(changePassword(t.db, { memberId: m.id, input: { currentPassword: `wrong guess ${i}`, newPassword: "a brand new password" }, ip: ip(), now: NOW }))).code).toBe("validation");
    }
    const sixth = await refusal(changePassword(t.db, { memberId: m.id, input: { currentPassword: KNOWN_PASSWORD, newPassword: "a brand new password" }, ip: ip(), now: NOW }));
    expect(sixth.code).toBe("rate_limited");
    expect(await verifyPassword((await t.db.member.findUniqueOrThrow({ where: { id: m.id } })).passwordHash, KNOWN_PASSWORD)).toBe(true);
  });
});

describe("blocked members list", () => {
  it("lists whom the member blocked, never who blocked them", async () => {
    const [ana, ben, cy] = [await createMember(), await createMember(), await createMember()];
    await blockMember(t.db, { blockerId: ana.id, input: { handle: ben.handle }, now: NOW });
    await blockMember(t.db, { blockerId: cy.id, input: { handle: ana.handle }, now: NOW });
    expect((await listBlocksMade(t.db, { memberId: ana.id })).map((b) => b.handle)).toEqual([ben.handle]);
  });
});

describe("delete my account", () => {
  async function scheduled() {
    const ana = await createMember({ name: "Ana Leaving" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "script" }, now: NOW })).token;
    return { ana, token };
  }

  it("needs the password; a wrong one schedules nothing", async () => {
    const { ana, token } = await scheduled();
    const res = await del("/api/v1/me", { token, json: { password: "not my password" } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation", errors: [{ field: "password", message: "That isn't your current password." }] });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).deleteAt).toBeNull();
    expect((await del("/api/v1/me", { token, json: {} })).status).toBe(400);
  });

  it("answers 202 with deleteAt in 14 days, ends every session, shows 'leaving' and refuses new requests", async () => {
    const { ana, token } = await scheduled();
    const ben = await createMember();
    await warmUp(ben.id, ana.id); // warm: only the leaving stops the request
    const res = await del("/api/v1/me", { token, json: { password: KNOWN_PASSWORD } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ deleteAt: daysAfter(NOW, 14).toISOString() });
    expect(await loadSessionViewer(ana.id, 0, NOW)).toBeNull();
    expect((await findProfile(t.db, { handle: ana.handle, viewerId: ben.id }))?.leavingOn).toEqual(daysAfter(NOW, 14));
    const e = await expectRefused(t.db, () => sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW }), "leaving");
    expect(e.message).toMatch(/Ana is leaving Rapport/);
    // asking again keeps the first date
    setClockForTests(daysAfter(NOW, 1));
    expect((await del("/api/v1/me", { token, json: { password: KNOWN_PASSWORD } })).body.deleteAt).toBe(daysAfter(NOW, 14).toISOString());
    setClockForTests(NOW);
    expect((await t.db.auditEvent.findMany({ where: { actorId: ana.id, action: "account.deletion_requested" } })).length).toBe(2);
  });

  it("is cancelled by signing in within the grace period, and then erases nobody", async () => {
    const { ana, token } = await scheduled();
    await del("/api/v1/me", { token, json: { password: KNOWN_PASSWORD } });
    const signedIn = await signInWithPassword(t.db, { input: { email: ana.email, password: KNOWN_PASSWORD }, ip: ip(), now: daysAfter(NOW, 13) });
    expect(signedIn).toMatchObject({ ok: true, deletionCancelled: true, sessionVersion: 1 });
    expect(await t.db.member.findUniqueOrThrow({ where: { id: ana.id }, select: { deleteAt: true, deletionRequestedAt: true } })).toEqual({ deleteAt: null, deletionRequestedAt: null });
    expect(await signInWithPassword(t.db, { input: { email: ana.email, password: KNOWN_PASSWORD }, ip: ip(), now: daysAfter(NOW, 13) })).toMatchObject({ ok: true, deletionCancelled: false });
    expect(await eraseDueAccounts(t.db, { now: daysAfter(NOW, 30) })).toEqual({ erased: 0 });
    expect(await t.db.member.count({ where: { id: ana.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { actorId: ana.id, action: "account.deletion_cancelled" } })).toBe(1);
    // told once, in words, whichever way they signed in (an OAuth sign-in has no page of its own to say it)
    const told = await listNotifications(t.db, { memberId: ana.id });
    expect(told.items.filter((n) => n.type === "deletion_cancelled").map((n) => n.text)).toEqual([
      "You signed in, so your account will not be deleted. Everything stays as it was.",
    ]);
  });

  it("after 14 days: sign-in is refused and the job erases the member and everything theirs, either way", async () => {
    const { ana, token } = await scheduled();
    const [ben, cy] = [await createMember({ name: "Ben Stays" }), await createMember({ name: "Cy Stays" })];
    await warmUp(ben.id, ana.id);
    await warmUp(ana.id, cy.id);
    await sendRequest(t.db, { requesterId: ben.id, input: { to: ana.handle, note: NOTE }, now: NOW });
    await createConnection(ana.id, cy.id);
    await blockMember(t.db, { blockerId: ana.id, input: { handle: (await createMember()).handle }, now: NOW });
    const post = await createPost({ authorId: ana.id, body: "Ana's post" });
    await createComment({ postId: post.id, authorId: ben.id, body: "Ben's comment on Ana's post" });
    await createKudos({ authorId: ben.id, recipientId: ana.id, body: "Thanks Ana, that helped a lot" });
    await t.db.notification.create({ data: { memberId: ben.id, type: "request_accepted", data: { member: { handle: ana.handle, name: ana.name } } } });
    const benToken = (await createToken(t.db, { memberId: ben.id, input: { name: "ben" }, now: NOW })).token;

    const benViews = async () => {
      const [dashboard, relationships, requests] = await Promise.all([
        get("/api/v1/me/dashboard", { token: benToken }),
        get("/api/v1/relationships", { token: benToken }),
        get("/api/v1/connection-requests", { token: benToken }),
      ]);
      return [dashboard, relationships, requests].map((r) => { expect(r.status).toBe(200); return JSON.stringify(r.body); }).join("\n");
    };
    expect(await benViews()).toContain(ana.id); // before: Ana is there

    await del("/api/v1/me", { token, json: { password: KNOWN_PASSWORD } });
    const later = daysAfter(NOW, 14);
    const refused = await signInWithPassword(t.db, { input: { email: ana.email, password: KNOWN_PASSWORD }, ip: ip(), now: later });
    expect(refused).toMatchObject({ ok: false });

    expect(await eraseDueAccounts(t.db, { now: daysAfter(NOW, 13) })).toEqual({ erased: 0 }); // not yet due
    expect(await eraseDueAccounts(t.db, { now: later })).toEqual({ erased: 1 });
    expect(await eraseDueAccounts(t.db, { now: later })).toEqual({ erased: 0 }); // idempotent
    expect(await eraseAccount(t.db, { memberId: ana.id, now: later })).toEqual({ erased: false });

    const leftovers = await t.db.$queryRawUnsafe<{ t: string; n: number }[]>(
      `SELECT 'member' t, count(*)::int n FROM member WHERE id = $1
       UNION ALL SELECT 'post', count(*)::int FROM post WHERE author_id = $1
       UNION ALL SELECT 'comment on her post', count(*)::int FROM comment WHERE post_id = $2
       UNION ALL SELECT 'kudos', count(*)::int FROM kudos WHERE author_id = $1 OR recipient_id = $1
       UNION ALL SELECT 'interaction', count(*)::int FROM interaction WHERE actor_id = $1 OR target_id = $1
       UNION ALL SELECT 'request', count(*)::int FROM connection_request WHERE requester_id = $1 OR recipient_id = $1
       UNION ALL SELECT 'connection', count(*)::int FROM connection WHERE member_a_id = $1 OR member_b_id = $1
       UNION ALL SELECT 'block', count(*)::int FROM block WHERE blocker_id = $1 OR blocked_id = $1
       UNION ALL SELECT 'token', count(*)::int FROM api_token WHERE member_id = $1
       UNION ALL SELECT 'notification', count(*)::int FROM notification WHERE member_id = $1 OR data::text LIKE '%' || $3 || '%'
       UNION ALL SELECT 'summary', count(*)::int FROM relationship_summary WHERE requester_id = $1 OR recipient_id = $1
       UNION ALL SELECT 'policy', count(*)::int FROM policy WHERE member_id = $1
       UNION ALL SELECT 'auth attempt', count(*)::int FROM auth_attempt WHERE key = $4
       UNION ALL SELECT 'audit naming her', count(*)::int FROM audit_event WHERE actor_id = $1 OR subject_id = $1 OR data::text LIKE '%' || $4 || '%'`,
      ana.id, post.id, ana.handle, ana.email,
    );
    expect(leftovers.filter((r) => r.n > 0)).toEqual([]);
    const erased = await t.db.auditEvent.findFirstOrThrow({ where: { action: "account.erased" } });
    expect(erased.subjectId).toMatch(/^erased_[0-9a-f]{24}$/);
    expect(await t.db.auditEvent.count({ where: { actorId: erased.subjectId, action: "account.deletion_requested" } })).toBe(1);

    // the others stay, and no longer see her anywhere
    expect(await t.db.member.count({ where: { id: { in: [ben.id, cy.id] } } })).toBe(2);
    const after = await benViews();
    expect(after).not.toContain(ana.id);
    expect(after).not.toContain(ana.handle);
    expect((await get(`/api/v1/members/${ana.handle}`, { token: benToken })).status).toBe(404);
  });

  it("takes every notification that names her from the others' lists, whatever its kind, and keeps the rest", async () => {
    const ana = await createMember({ name: "Ana Leaving", policy: { preset: "standard" } });
    const [ben, cy, dee, eve, fay, gus, hal, ivy, jo] = await Promise.all(
      ["Ben", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo"].map((n) => createMember({ name: `${n} Stays` })),
    );
    for (const [a, b] of [[cy, ana], [cy, ben], [cy, dee], [ana, dee], [ana, eve]]) await createConnection(a.id, b.id);
    for (const m of [gus, hal, ivy]) await warmUp(m.id, ana.id);
    await warmUp(ana.id, fay.id);

    // One of each shape naming her, through the services that write them.
    await giveKudos(t.db, { authorId: ana.id, input: { recipientHandle: ben.handle, body: "Thanks for the review" }, now: NOW }); // byHandle
    await writePost(t.db, { authorId: ana.id, input: { body: `Shipped it, thanks @${ben.handle}!` }, now: NOW }); // mentioned: byHandle
    await logInteraction(t.db, { actorId: ana.id, input: { targetHandle: ben.handle, platform: "event", kind: "met_in_person", occurredOn: "2027-03-09" }, now: NOW }); // byHandle
    for (const day of [-3, -1]) {
      const post = await writePost(t.db, { authorId: ana.id, input: { body: `Day ${day}` }, now: daysAfter(NOW, day) });
      await writeComment(t.db, { authorId: jo.id, input: { postId: post.id, body: "Nice one" }, now: daysAfter(NOW, day) }); // became_warm: handle, memberId
    }
    const note = "You two should talk.";
    await introduce(t.db, { introducerId: cy.id, input: { introducedHandle: ana.handle, introducedToHandle: ben.handle, note }, now: NOW }); // member.handle
    await introduce(t.db, { introducerId: ana.id, input: { introducedHandle: dee.handle, introducedToHandle: eve.handle, note }, now: NOW }); // by.handle, message
    await sendRequest(t.db, { requesterId: ana.id, input: { to: fay.handle, note: NOTE }, now: NOW }); // request_received: member.handle
    const requestId = async (from: { id: string }) => (await sendRequest(t.db, { requesterId: from.id, input: { to: ana.handle, note: NOTE }, now: NOW }) as { requestId: string }).requestId;
    await acceptRequest(t.db, { recipientId: ana.id, requestId: await requestId(gus), now: NOW });
    await declineRequest(t.db, { recipientId: ana.id, requestId: await requestId(hal), input: { reason: "no" }, now: NOW });
    await requestId(ivy);
    const later = daysAfter(NOW, 31);
    await t.db.$transaction((tx) => expireRequests(tx, { now: later }));
    // ...and two that name others only.
    await giveKudos(t.db, { authorId: dee.id, input: { recipientHandle: ben.handle, body: "Great pairing session" }, now: NOW });
    await introduce(t.db, { introducerId: cy.id, input: { introducedHandle: ben.handle, introducedToHandle: dee.handle, note }, now: NOW });

    const others = [ben, cy, dee, eve, fay, gus, hal, ivy, jo];
    const namingHer = async () => {
      const lists = await Promise.all(others.map((m) => listNotifications(t.db, { memberId: m.id, selfHandle: m.handle })));
      return lists.flatMap((l, i) => l.items.filter((n) => n.text.includes(ana.name) || n.href.includes(ana.handle)).map((n) => `${others[i].name}: ${n.type}`)).sort();
    };
    expect(await namingHer()).toEqual([
      "Ben Stays: introduced", "Ben Stays: kudos_received", "Ben Stays: logged_pending", "Ben Stays: mentioned",
      "Dee Stays: introduced", "Eve Stays: introduced", "Fay Stays: request_received", "Gus Stays: request_accepted",
      "Hal Stays: request_declined", "Ivy Stays: request_expired", "Jo Stays: became_warm",
    ]);

    await t.db.member.update({ where: { id: ana.id }, data: { deleteAt: NOW } });
    expect(await eraseAccount(t.db, { memberId: ana.id, now: later })).toMatchObject({ erased: true });

    expect(await namingHer()).toEqual([]);
    const stored = await t.db.notification.findMany({ select: { data: true } });
    expect(stored.filter((n) => [ana.id, ana.handle, ana.name].some((s) => JSON.stringify(n.data).includes(s)))).toEqual([]);
    const texts = async (m: { id: string; handle: string }) => (await listNotifications(t.db, { memberId: m.id, selfHandle: m.handle })).items.map((n) => n.text);
    expect(await texts(ben)).toEqual(expect.arrayContaining(["Dee Stays gave you kudos.", "Cy Stays introduced you to Dee Stays."]));
    expect(await texts(dee)).toContain("Cy Stays introduced Ben Stays to you.");
  });
});
