import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createMember, type FactoryMember } from "@/tests/factories/members";
import { createConnection, createInteraction } from "@/tests/factories/relations";
import { useTestDatabase } from "@/tests/support/test-database";
import { del, get, patch, post, put } from "./http";
import { DAY } from "@/lib/warmup/time";

/**
 * Each remaining operation once through HTTP (the flow test covers the main journey). Every
 * answer is also checked against its documented schema by the `http` helper.
 */
const t = useTestDatabase();
const NOW = new Date(Date.now() + 2 * DAY);
const NOTE = "Loved your talk on API design at the meetup — I'd like to stay in touch about it.";

type Someone = FactoryMember & { token: string };
async function someone(attrs: Parameters<typeof createMember>[0] = {}): Promise<Someone> {
  const m = await createMember(attrs);
  return { ...m, token: (await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: NOW })).token };
}
/** Enough for the standard protocol: two comments on two UTC days. */
async function warmUp(actor: { id: string }, target: { id: string }) {
  await createInteraction({ actorId: actor.id, targetId: target.id, kind: "comment", occurredAt: new Date(NOW.getTime() - 3 * DAY) });
  await createInteraction({ actorId: actor.id, targetId: target.id, kind: "comment", occurredAt: new Date(NOW.getTime() - DAY) });
}

beforeAll(() => setClockForTests(NOW));
afterAll(() => setClockForTests(undefined));

describe("me", () => {
  it("updates the profile and clears a field with an empty string", async () => {
    const a = await someone({ location: "Lisbon" });
    const res = await patch("/api/v1/me", { headline: "Platform engineer", location: "", linkGithub: "https://github.com/a" }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ headline: "Platform engineer", location: null, linkGithub: "https://github.com/a", email: a.email });
    const bad = await patch("/api/v1/me", { linkGithub: "javascript:alert(1)" }, { token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["linkGithub"]);
  });

  it("reads and sets the time zone and date format, naming the field on a bad one", async () => {
    const a = await someone();
    expect((await get("/api/v1/me", { token: a.token })).body).toMatchObject({ timeZone: "UTC", dateLocale: null });
    const set = await patch("/api/v1/me", { timeZone: "pacific/auckland", dateLocale: "de-DE" }, { token: a.token });
    expect(set.status).toBe(200);
    // stored under its canonical IANA name
    expect(set.body).toMatchObject({ timeZone: "Pacific/Auckland", dateLocale: "de-DE" });
    const zone = await patch("/api/v1/me", { timeZone: "Mars/Olympus_Mons", headline: "half-written?" }, { token: a.token });
    expect(zone.status).toBe(400);
    expect(zone.body.errors.map((e: { field: string }) => e.field)).toEqual(["timeZone"]);
    const offset = await patch("/api/v1/me", { timeZone: "+05:00" }, { token: a.token });
    expect(offset.body.errors.map((e: { field: string }) => e.field)).toEqual(["timeZone"]);
    const locale = await patch("/api/v1/me", { dateLocale: "xx-YY" }, { token: a.token });
    expect(locale.status).toBe(400);
    expect(locale.body.errors.map((e: { field: string }) => e.field)).toEqual(["dateLocale"]);
    // nothing half-written; null goes back to the browser's language
    const back = await patch("/api/v1/me", { dateLocale: null }, { token: a.token });
    expect(back.body).toMatchObject({ timeZone: "Pacific/Auckland", dateLocale: null, headline: "" });
  });

  it("starts a new member with the browser's zone and language, or UTC and the browser default when they are missing or unknown", async () => {
    const as = (n: number) => ({ headers: { "x-forwarded-for": `198.51.100.${200 + n}` } });
    const base = (h: string) => ({ email: `${h}@example.test`, password: "long enough pass", handle: h, name: "Tz" });
    const given = await post("/api/v1/signup", { ...base("tz_given"), timeZone: "America/Sao_Paulo", dateLocale: "pt-BR" }, as(1));
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ timeZone: "America/Sao_Paulo", dateLocale: "pt-BR" });
    const junk = await post("/api/v1/signup", { ...base("tz_junk"), timeZone: "Nowhere/Else", dateLocale: "en-NZ" }, as(2));
    expect(junk.status).toBe(201);
    expect(junk.body).toMatchObject({ timeZone: "UTC", dateLocale: null });
    const none = await post("/api/v1/signup", base("tz_none"), as(3));
    expect(none.body).toMatchObject({ timeZone: "UTC", dateLocale: null });
  });
});

describe("posts, comments, reactions, shares", () => {
  it("runs the feed operations end to end", async () => {
    const [a, b] = [await someone(), await someone()];
    const first = await post("/api/v1/posts", { body: `Hello @${b.handle}, see https://example.com` }, { token: a.token });
    const second = await post("/api/v1/posts", { body: "Second thought." }, { token: a.token });
    expect(first.status).toBe(201);

    const page1 = await get(`/api/v1/posts?author=@${a.handle.toUpperCase()}&limit=1`, { token: b.token });
    expect(page1.body.items.map((p: { id: string }) => p.id)).toEqual([second.body.id]);
    const page2 = await get(`/api/v1/posts?author=${a.handle}&limit=1&cursor=${page1.body.nextCursor}`, { token: b.token });
    expect(page2.body.items.map((p: { id: string }) => p.id)).toEqual([first.body.id]);
    expect((await get("/api/v1/posts?author=nobody_at_all", { token: b.token })).status).toBe(404);

    const comment = await post(`/api/v1/posts/${first.body.id}/comments`, { body: "Thanks for the mention!" }, { token: b.token });
    const reply = await post(`/api/v1/posts/${first.body.id}/comments`, { body: "Any time.", parentId: comment.body.id }, { token: a.token });
    expect(reply.body).toMatchObject({ parentId: comment.body.id, replies: [] });

    const liked = await put(`/api/v1/posts/${first.body.id}/reaction`, { type: "insightful" }, { token: b.token });
    expect(liked.body).toEqual({ subject: "post", id: first.body.id, type: "insightful" });
    expect((await put(`/api/v1/comments/${reply.body.id}/reaction`, { type: "thanks" }, { token: b.token })).body.type).toBe("thanks");
    expect((await put(`/api/v1/posts/${first.body.id}/reaction`, { type: "love" }, { token: b.token })).status).toBe(400);

    let thread = await get(`/api/v1/posts/${first.body.id}`, { token: b.token });
    expect(thread.body.reactions).toEqual({ counts: { like: 0, insightful: 1, thanks: 0 }, mine: "insightful" });
    expect(thread.body.comments[0].replies[0].reactions.mine).toBe("thanks");

    expect((await del(`/api/v1/posts/${first.body.id}/reaction`, { token: b.token })).status).toBe(204);
    expect((await del(`/api/v1/comments/${reply.body.id}/reaction`, { token: b.token })).status).toBe(204);
    thread = await get(`/api/v1/posts/${first.body.id}`, { token: b.token });
    expect(thread.body.reactions.mine).toBeNull();

    const share = await post(`/api/v1/posts/${first.body.id}/shares`, { comment: "Worth reading." }, { token: b.token });
    expect(share.status).toBe(201);
    expect(share.body.shared).toMatchObject({ id: first.body.id, available: true, author: { handle: a.handle } });
    const emptyShare = await post(`/api/v1/posts/${first.body.id}/shares`, { comment: "  " }, { token: b.token });
    expect(emptyShare.body.errors.map((e: { field: string }) => e.field)).toEqual(["comment"]);

    // someone else's comment or post cannot be deleted: not found
    expect((await del(`/api/v1/comments/${comment.body.id}`, { token: a.token })).status).toBe(404);
    expect((await del(`/api/v1/posts/${first.body.id}`, { token: b.token })).status).toBe(404);
    expect((await del(`/api/v1/comments/${comment.body.id}`, { token: b.token })).status).toBe(204);
    expect((await del(`/api/v1/posts/${first.body.id}`, { token: a.token })).status).toBe(204);
    const removed = await get(`/api/v1/posts/${first.body.id}`, { token: b.token });
    expect(removed.body).toMatchObject({ removed: true, body: "" });
  });
});

describe("kudos, introductions and reports", () => {
  it("gives, lists and takes back kudos", async () => {
    const [a, b] = [await someone({ headline: "Reviewer" }), await someone()];
    const given = await post(`/api/v1/members/${b.handle}/kudos`, { body: "Thanks for the code review!" }, { token: a.token });
    expect(given.status).toBe(201);
    // the author as the kudos' own transaction read them
    expect(given.body.author).toEqual({ id: a.id, handle: a.handle, name: a.name, headline: "Reviewer" });
    const wall = await get(`/api/v1/members/${b.handle}/kudos`, { token: a.token });
    expect(wall.body.items.map((k: { id: string }) => k.id)).toEqual([given.body.id]);
    expect((await post(`/api/v1/members/${a.handle}/kudos`, { body: "Me!" }, { token: a.token })).body.code).toBe("self");
    expect((await del(`/api/v1/kudos/${given.body.id}`, { token: b.token })).status).toBe(404);
    expect((await del(`/api/v1/kudos/${given.body.id}`, { token: a.token })).status).toBe(204);
    expect((await get(`/api/v1/members/${b.handle}/kudos`, { token: a.token })).body.items).toEqual([]);
  });

  it("introduces two connections and reports a post", async () => {
    const [a, b, c] = [await someone(), await someone(), await someone()];
    await createConnection(c.id, a.id);
    await createConnection(c.id, b.id);
    const intro = await post("/api/v1/introductions", { introducedHandle: a.handle, introducedToHandle: b.handle, note: "You both love API design." }, { token: c.token });
    expect(intro.status).toBe(201);
    expect(intro.body.introduced.handle).toBe(a.handle);
    const again = await post("/api/v1/introductions", { introducedHandle: a.handle, introducedToHandle: b.handle, note: "Again!" }, { token: c.token });
    expect(again.status).toBe(409);
    expect(again.body.retryAt).toBeDefined();

    const p = await post("/api/v1/posts", { body: "Buy followers now" }, { token: a.token });
    const report = await post("/api/v1/reports", { subjectType: "post", subjectId: p.body.id, reason: "spam" }, { token: b.token });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({ subjectType: "post", status: "open" });
    expect((await post("/api/v1/reports", { subjectType: "post", subjectId: p.body.id, reason: "spam" }, { token: b.token })).body.code).toBe("already_exists");
  });
});

describe("logged interactions", () => {
  it("disputes, withdraws and lists them by role and status", async () => {
    const [a, b] = [await someone(), await someone()];
    const day = NOW.toISOString().slice(0, 10);
    const log = (n: number) =>
      post("/api/v1/interactions", { target: b.handle, platform: "github", kind: "comment", occurredOn: day, evidenceUrl: `https://github.com/x/y/pull/${n}` }, { token: a.token });
    const [one, two, three] = [await log(1), await log(2), await log(3)];
    expect((await log(1)).body.errors.map((e: { field: string }) => e.field)).toEqual(["evidenceUrl"]);

    expect((await post(`/api/v1/interactions/${one.body.id}/dispute`, undefined, { token: b.token })).body.status).toBe("disputed");
    expect((await post(`/api/v1/interactions/${two.body.id}/withdraw`, undefined, { token: a.token })).body.status).toBe("withdrawn");
    expect((await post(`/api/v1/interactions/${one.body.id}/confirm`, undefined, { token: b.token })).status).toBe(404);

    const mine = await get("/api/v1/interactions?role=actor&limit=2", { token: a.token });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([three.body.id, two.body.id]);
    const rest = await get(`/api/v1/interactions?role=actor&limit=2&cursor=${mine.body.nextCursor}`, { token: a.token });
    expect(rest.body).toMatchObject({ items: [{ id: one.body.id }], nextCursor: null });
    const disputed = await get("/api/v1/interactions?role=target&status=disputed", { token: b.token });
    expect(disputed.body.items.map((i: { id: string }) => i.id)).toEqual([one.body.id]);
    expect((await get("/api/v1/interactions?role=owner", { token: b.token })).status).toBe(400);
  });
});

describe("requests, connections and blocks", () => {
  it("declines with a cooldown the requester can read, and withdraws", async () => {
    const [a, b, c] = [await someone(), await someone(), await someone()];
    await warmUp(a, b);
    await warmUp(a, c);
    const toB = await post("/api/v1/connection-requests", { to: b.handle, note: NOTE }, { token: a.token });
    const toC = await post("/api/v1/connection-requests", { to: c.handle, note: NOTE }, { token: a.token });

    const declined = await post(`/api/v1/connection-requests/${toB.body.id}/decline`, { reason: "not_yet" }, { token: b.token });
    expect(declined.body).toMatchObject({ status: "declined", declineReason: "not_yet" });
    expect(new Date(declined.body.cooldownUntil).getTime()).toBe(NOW.getTime() + 14 * DAY);
    const again = await post("/api/v1/connection-requests", { to: b.handle, note: NOTE }, { token: a.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("cooldown");
    expect(again.headers.get("retry-after")).toBe(String(14 * 86_400));
    expect((await post(`/api/v1/connection-requests/${toB.body.id}/accept`, undefined, { token: b.token })).body.code).toBe("conflict");

    const withdrawn = await post(`/api/v1/connection-requests/${toC.body.id}/withdraw`, undefined, { token: a.token });
    expect(withdrawn.body.status).toBe("withdrawn");

    const settled = await get("/api/v1/connection-requests?status=settled&direction=outgoing&limit=1", { token: a.token });
    expect(settled.body.items).toHaveLength(1);
    const more = await get(`/api/v1/connection-requests?status=settled&direction=outgoing&limit=1&cursor=${settled.body.nextCursor}`, { token: a.token });
    expect([...settled.body.items, ...more.body.items].map((r: { id: string }) => r.id).sort()).toEqual([toB.body.id, toC.body.id].sort());
    expect(more.body.nextCursor).toBeNull();
    const onlyDeclined = await get("/api/v1/connection-requests?status=declined", { token: a.token });
    expect(onlyDeclined.body.items.map((r: { id: string }) => r.id)).toEqual([toB.body.id]);
    expect((await get("/api/v1/connection-requests?status=declined&direction=incoming", { token: a.token })).body.items).toEqual([]);
  });

  it("connects at once when both asked, then lists, searches and removes the connection", async () => {
    const [a, b] = [await someone({ name: "Zed Alpha" }), await someone({ name: "Yara Beta" })];
    await warmUp(a, b);
    await warmUp(b, a);
    expect((await post("/api/v1/connection-requests", { to: b.handle, note: NOTE }, { token: a.token })).body.outcome).toBe("sent");
    const mutual = await post("/api/v1/connection-requests", { to: a.handle, note: NOTE }, { token: b.token });
    expect(mutual.status).toBe(201);
    expect(mutual.body).toMatchObject({ outcome: "connected", status: "accepted" });

    const others = await Promise.all([someone(), someone()]);
    for (const o of others) await createConnection(a.id, o.id);
    const firstPage = await get("/api/v1/connections?limit=2", { token: a.token });
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await get(`/api/v1/connections?limit=2&cursor=${firstPage.body.nextCursor}`, { token: a.token });
    expect(secondPage.body).toMatchObject({ nextCursor: null });
    expect(secondPage.body.items).toHaveLength(1);
    const found = await get("/api/v1/connections?q=yara", { token: a.token });
    expect(found.body.items.map((c: { member: { handle: string } }) => c.member.handle)).toEqual([b.handle]);

    expect((await del(`/api/v1/connections/${b.handle}`, { token: a.token })).status).toBe(204);
    expect((await del(`/api/v1/connections/${b.handle}`, { token: a.token })).status).toBe(404);
  });

  it("blocking withdraws the pending request and hides the blocker", async () => {
    const [a, b] = [await someone(), await someone()];
    await warmUp(a, b);
    const sent = await post("/api/v1/connection-requests", { to: b.handle, note: NOTE }, { token: a.token });
    const blocked = await post("/api/v1/blocks", { handle: `@${a.handle}` }, { token: b.token });
    expect(blocked.body).toMatchObject({ member: { handle: a.handle }, withdrawnRequests: 1, removedConnection: false });
    expect((await get(`/api/v1/connection-requests/${sent.body.id}`, { token: a.token })).status).toBe(404);
    expect((await post("/api/v1/blocks", { handle: b.handle }, { token: b.token })).body.code).toBe("self");
    expect((await del(`/api/v1/blocks/${a.handle}`, { token: b.token })).status).toBe(204);
    expect((await del(`/api/v1/blocks/${a.handle}`, { token: b.token })).status).toBe(404);
  });

  it("pages notifications by cursor", async () => {
    const [a, b] = [await someone(), await someone()];
    for (let i = 0; i < 3; i++) await post(`/api/v1/members/${b.handle}/kudos`, { body: `Thanks #${i}` }, { token: a.token });
    const first = await get("/api/v1/notifications?limit=2", { token: b.token });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.unread).toBe(3);
    const second = await get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`, { token: b.token });
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items).toHaveLength(1);
  });
});
