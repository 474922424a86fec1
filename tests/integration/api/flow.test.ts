import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { ZEvaluation } from "@/lib/validation/api/evaluation";
import { useTestDatabase } from "@/tests/support/test-database";
import { verifyEmail } from "@/lib/server/services/accounts/email-verification";
import { expectShape, get, post, put, tokenFor } from "./http";
import { DAY } from "@/lib/warmup/time";

/**
 * The warm-up → request → accept journey, through HTTP only: two members sign up, take
 * tokens, talk to each other on two different (UTC) days, are refused while cold, then
 * connect. The route handlers read "now" from lib/server/clock.ts, moved here day by day.
 */
const t = useTestDatabase();

// Tomorrow 10:00 UTC and the day after: later than the accounts' creation, never "in the future" for the log.
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const DAY1 = new Date(today + DAY + 10 * 3_600_000);
const DAY2 = new Date(DAY1.getTime() + DAY);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

const ana = { email: "ana@example.test", password: "ana's long password", handle: "ana", name: "Ana Lima" };
const ben = { email: "ben@example.test", password: "ben's long password", handle: "ben_o", name: "Ben Okafor" };
const NOTE = "Hi Ana — our thread on onboarding checklists was great; I'd like to keep learning from you.";

let anaToken = "";
let benToken = "";
let anaPostId = "";
let requestId = "";

beforeAll(() => setClockForTests(DAY1));
afterAll(() => setClockForTests(undefined));

describe("the warm-up → request → accept flow over HTTP", () => {
  it("signs two members up and gives each a token", async () => {
    for (const m of [ana, ben]) {
      const res = await post("/api/v1/signup", m, { headers: { "x-forwarded-for": `203.0.113.${m.handle.length}` } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ handle: m.handle, email: m.email, name: m.name });
      // Both confirm their address with the link the sign-up emailed (sending requests needs it).
      const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { recipient: m.email, key: { startsWith: "verify-email:" } } });
      await verifyEmail(t.db, { token: /token=([\w-]+)/.exec(mail.textBody)![1], now: DAY1 });
    }
    anaToken = await tokenFor(ana.email, ana.password, "Ana's script");
    benToken = await tokenFor(ben.email, ben.password);
    expect(anaToken).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);

    const me = await get("/api/v1/me", { token: benToken });
    expect(me.status).toBe(200);
    expect(me.body.handle).toBe("ben_o");
    const policy = await get("/api/v1/me/policy", { token: anaToken });
    expect(policy.body).toMatchObject({ preset: "standard", minPoints: 6, minDistinctDays: 2 });
    expect(policy.body.description).toMatch(/To connect with me/i);
  });

  it("day 1: they comment on each other's posts", async () => {
    const p = await post("/api/v1/posts", { body: "What is on your onboarding checklist?" }, { token: anaToken });
    expect(p.status).toBe(201);
    anaPostId = p.body.id;
    const benPost = await post("/api/v1/posts", { body: "Shipping a small thing today." }, { token: benToken });

    const c = await post(`/api/v1/posts/${anaPostId}/comments`, { body: "A buddy for the first week, always." }, { token: benToken });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ postId: anaPostId, author: { handle: "ben_o" }, body: "A buddy for the first week, always." });
    const reply = await post(`/api/v1/posts/${benPost.body.id}/comments`, { body: "Congrats on shipping!" }, { token: anaToken });
    expect(reply.status).toBe(201);

    const thread = await get(`/api/v1/posts/${anaPostId}`, { token: anaToken });
    expect(thread.body.commentCount).toBe(1);
    expect(thread.body.comments[0].id).toBe(c.body.id);
  });

  it("refuses a request while Ben is still warming up, with the evaluation in the problem", async () => {
    const warmup = await get("/api/v1/members/ana/warmup", { token: benToken });
    expect(warmup.status).toBe(200);
    expect(warmup.body.status).toBe("warming");
    expect(warmup.body.percent).toBeLessThan(100);
    expect(warmup.body.criteria.find((c: { key: string }) => c.key === "distinctDays")).toMatchObject({ current: 1, required: 2, met: false });
    expect(warmup.body.nextSteps.length).toBeGreaterThan(0);

    const refused = await post("/api/v1/connection-requests", { to: "@Ana", note: NOTE }, { token: benToken });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("warmup_incomplete");
    expect(refused.body.type).toMatch(/warmup_incomplete$/);
    const evaluation = expectShape(ZEvaluation, refused.body.evaluation, "problem.evaluation");
    expect(evaluation.status).toBe("warming");
    expect(await t.db.connectionRequest.count()).toBe(0);
  });

  it("day 2: Ben logs a reply on X, Ana confirms it", async () => {
    setClockForTests(DAY2);
    const logged = await post(
      "/api/v1/interactions",
      { target: "ana", platform: "x", kind: "reply", occurredOn: ymd(DAY2), evidenceUrl: "https://x.com/ben_o/status/1", summary: "Replied about buddies" },
      { token: benToken },
    );
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({ status: "pending", actor: { handle: "ben_o" }, target: { handle: "ana" }, occurredOn: ymd(DAY2) });

    const waiting = await get("/api/v1/interactions?role=target&status=pending", { token: anaToken });
    expect(waiting.body.items.map((i: { id: string }) => i.id)).toEqual([logged.body.id]);

    const confirmed = await post(`/api/v1/interactions/${logged.body.id}/confirm`, undefined, { token: anaToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe("confirmed");
  });

  it("shows Ben warm, with the two-way history, and lets him ask", async () => {
    const warmup = await get("/api/v1/members/ana/warmup", { token: benToken });
    expect(warmup.body).toMatchObject({ status: "warm", percent: 100, gateMet: true });

    const history = await get("/api/v1/members/ana/interactions?limit=2", { token: benToken });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.nextCursor).not.toBeNull();
    const rest = await get(`/api/v1/members/ana/interactions?limit=2&cursor=${history.body.nextCursor}`, { token: benToken });
    expect(rest.body.items.length).toBeGreaterThan(0);
    const all = [...history.body.items, ...rest.body.items];
    expect(new Set(all.map((i: { day: string }) => i.day))).toEqual(new Set([ymd(DAY1), ymd(DAY2)]));

    const profile = await get("/api/v1/members/ana", { token: benToken });
    expect(profile.body.relationship.status).toBe("warm");
    expect(profile.body.protocol.description).toMatch(/Ana/);
    expect(profile.body).not.toHaveProperty("email");

    const dashboard = await get("/api/v1/me/dashboard", { token: benToken });
    expect(dashboard.body.ready.map((r: { member: { handle: string } }) => r.member.handle)).toEqual(["ana"]);

    const sent = await post("/api/v1/connection-requests", { to: "ana", note: NOTE }, { token: benToken });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ outcome: "sent", status: "pending", direction: "outgoing", member: { handle: "ana" } });
    requestId = sent.body.id;
  });

  it("lets Ana review the request with its snapshot, then accept it", async () => {
    const incoming = await get("/api/v1/connection-requests?direction=incoming", { token: anaToken });
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);

    const detail = await get(`/api/v1/connection-requests/${requestId}`, { token: anaToken });
    expect(detail.status).toBe(200);
    expect(detail.body.viewerRole).toBe("recipient");
    expect(detail.body.note).toBe(NOTE);
    expect(detail.body.snapshot.evaluation).toMatchObject({ status: "warm", percent: 100 });
    expect(detail.body.snapshot.policy.preset).toBe("standard");
    expect(detail.body.history.length).toBeGreaterThanOrEqual(3);

    const accepted = await post(`/api/v1/connection-requests/${requestId}/accept`, undefined, { token: anaToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id: requestId, status: "accepted", direction: "incoming" });
  });

  it("lists the connection on both sides and tells Ben", async () => {
    for (const [token, other] of [[anaToken, "ben_o"], [benToken, "ana"]] as const) {
      const res = await get("/api/v1/connections", { token });
      expect(res.body.items.map((c: { member: { handle: string } }) => c.member.handle)).toEqual([other]);
      expect(res.body.nextCursor).toBeNull();
    }
    const profile = await get("/api/v1/members/ben_o", { token: anaToken });
    expect(profile.body.relationship.status).toBe("connected");

    const notes = await get("/api/v1/notifications", { token: benToken });
    expect(notes.body.items.some((n: { type: string }) => n.type === "request_accepted")).toBe(true);
    expect(notes.body.unread).toBeGreaterThan(0);
    const read = await post("/api/v1/notifications/read", undefined, { token: benToken });
    expect(read.body.marked).toBe(notes.body.unread);
  });

  it("changes Ana's protocol through PUT /me/policy, after previewing it", async () => {
    const preview = await post("/api/v1/me/policy/preview", { preset: "closed" }, { token: anaToken });
    expect(preview.status).toBe(200);
    expect(preview.body.rows.find((r: { member: { handle: string } }) => r.member.handle === "ben_o")).toBeDefined();
    expect((await get("/api/v1/me/policy", { token: anaToken })).body.preset).toBe("standard");

    const res = await put(
      "/api/v1/me/policy",
      { preset: "custom", minPoints: 9, minInteractions: 3, minDistinctDays: 2, minSpanDays: 0, requireConversation: true, requireReciprocity: false, dailyPointCap: 9 },
      { token: anaToken },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preset: "custom", minPoints: 9, dailyPointCap: 9 });
    const profile = await get("/api/v1/members/ana", { token: benToken });
    expect(profile.body.protocol.preset).toBe("custom");
  });
});
