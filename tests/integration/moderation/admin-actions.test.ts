import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createAdmin, createMember, type FactoryMember } from "@/tests/factories/members";
import { AppError } from "@/lib/server/errors";
import { loadViewer } from "@/lib/server/auth/viewer";
import { pairKey } from "@/lib/warmup/pair-key";
import { listAdminAudit } from "@/lib/server/queries/admin-audit";
import { openReportQueue } from "@/lib/server/queries/reports";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { giveKudos } from "@/lib/server/services/kudos/give-kudos";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { createReport } from "@/lib/server/services/reports/create-report";
import { removeReportedContent } from "@/lib/server/services/admin/remove-content";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";
import { suspendMember, unsuspendMember } from "@/lib/server/services/admin/suspend-member";
import { updateAppSettings } from "@/lib/server/services/admin/update-settings";
import { getAppSettings } from "@/lib/server/settings";
import { DAY } from "@/lib/warmup/time";

const t = useTestDatabase();
const day1 = new Date("2027-03-08T10:00:00Z");
const day2 = new Date("2027-03-09T10:00:00Z");
const NOW = new Date("2027-03-10T12:00:00Z");

const points = async (from: string, to: string) => (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: from, otherId: to, now: NOW }))!.criteria.find((c) => c.key === "points")!.current;
const audit = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

let admin: FactoryMember, ana: FactoryMember, ben: FactoryMember, chloe: FactoryMember;

beforeEach(async () => {
  await t.reset();
  admin = await createAdmin({ handle: "mod_a" });
  ana = await createMember({ handle: "ana_a", name: "Ana Ferreira" });
  ben = await createMember({ handle: "ben_a", name: "Ben Okafor" });
  chloe = await createMember({ handle: "chloe_a" });
});

describe("removing reported content", () => {
  it("removes a post: its interactions stop counting, the pair's points drop, every open report on it closes", async () => {
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Shipping a new index today, thanks @ben_a" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Congrats, that was quick!" }, now: day1 });
    const other = await createPost(t.db, { authorId: ana.id, input: { body: "Another day, another deploy" }, now: day2 });
    await createComment(t.db, { authorId: ben.id, input: { postId: other.id, body: "Nice one" }, now: day2 });
    expect(await points(ben.id, ana.id)).toBe(6);
    expect(await points(ana.id, ben.id)).toBe(2);

    const r1 = await createReport(t.db, { reporterId: chloe.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: NOW });
    const dan = await createMember();
    const r2 = await createReport(t.db, { reporterId: dan.id, input: { subjectType: "post", subjectId: post.id, reason: "other", text: "Self-promotion" }, now: NOW });
    const result = await removeReportedContent(t.db, { adminId: admin.id, input: { reportId: r1.id, note: "Spam" }, now: NOW });
    expect(result).toMatchObject({ subjectType: "post", interactionsRemoved: 2, reportsClosed: 2 });

    expect((await t.db.post.findUniqueOrThrow({ where: { id: post.id } })).deletedAt).toEqual(NOW);
    expect(await t.db.interaction.count({ where: { postId: post.id, verification: { not: "removed" } } })).toBe(0);
    expect(await points(ben.id, ana.id)).toBe(3);
    expect(await points(ana.id, ben.id)).toBe(0);
    const verdicts = (await evaluatePair(t.db, { settings: await getAppSettings(t.db), viewerId: ben.id, otherId: ana.id, now: NOW }))!.interactions;
    expect(verdicts.filter((v) => v.reason === "removed").map((v) => v.direction).sort()).toEqual(["incoming", "outgoing"]);

    const reports = await t.db.report.findMany({ where: { id: { in: [r1.id, r2.id] } } });
    expect(reports.map((r) => [r.status, r.openKey, r.resolvedById])).toEqual([
      ["actioned", null, admin.id],
      ["actioned", null, admin.id],
    ]);
    const [row] = await audit("admin.content_removed");
    expect(row).toMatchObject({ actorId: admin.id, subjectType: "post", subjectId: post.id, createdAt: NOW });
    expect(row.data).toMatchObject({ reportId: r1.id, ownerId: ana.id, interactionsRemoved: 2, note: "Spam" });
    expect((await openReportQueue(t.db, { now: NOW })).items).toEqual([]);
  });

  it("removes a comment, kudos and a logged interaction the same way", async () => {
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Hello" }, now: day1 });
    const comment = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Buy my course" }, now: day1 });
    const kudos = await giveKudos(t.db, { authorId: ben.id, input: { recipientHandle: "ana_a", body: "Thanks for the help" }, now: day2 });
    const log = await logInteraction(t.db, { actorId: ben.id, input: { targetHandle: "ana_a", platform: "x", kind: "reply", occurredOn: "2027-03-09", evidenceUrl: "https://x.com/ben/status/1" }, now: day2 });
    const logId = (log as { id: string }).id;
    expect(await t.db.interaction.count({ where: { actorId: ben.id, verification: { not: "removed" } } })).toBe(3);

    for (const [type, id] of [
      ["comment", comment.id],
      ["kudos", kudos.id],
      ["logged_interaction", logId],
    ] as const) {
      const r = await createReport(t.db, { reporterId: ana.id, input: { subjectType: type, subjectId: id, reason: "fake_interaction" }, now: NOW });
      expect((await removeReportedContent(t.db, { adminId: admin.id, input: { reportId: r.id }, now: NOW })).interactionsRemoved).toBe(1);
    }
    expect((await t.db.comment.findUniqueOrThrow({ where: { id: comment.id } })).deletedAt).toEqual(NOW);
    expect((await t.db.kudos.findUniqueOrThrow({ where: { id: kudos.id } })).deletedAt).toEqual(NOW);
    expect((await t.db.loggedInteraction.findUniqueOrThrow({ where: { id: logId } })).status).toBe("removed");
    expect(await t.db.interaction.count({ where: { actorId: ben.id, verification: { not: "removed" } } })).toBe(0);
    expect(await points(ben.id, ana.id)).toBe(0);
    expect(await audit("admin.content_removed")).toHaveLength(3);
  });

  it("refuses to act twice on a report and to “remove” a member", async () => {
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Hello" }, now: day1 });
    const r = await createReport(t.db, { reporterId: ben.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: NOW });
    await removeReportedContent(t.db, { adminId: admin.id, input: { reportId: r.id }, now: NOW });
    await expect(removeReportedContent(t.db, { adminId: admin.id, input: { reportId: r.id }, now: NOW })).rejects.toMatchObject({ code: "conflict" });
    await expect(dismissReport(t.db, { adminId: admin.id, input: { reportId: r.id }, now: NOW })).rejects.toMatchObject({ code: "conflict" });
    const m = await createReport(t.db, { reporterId: ben.id, input: { subjectType: "member", subjectId: ana.id, reason: "harassment" }, now: NOW });
    await expect(removeReportedContent(t.db, { adminId: admin.id, input: { reportId: m.id }, now: NOW })).rejects.toMatchObject({ code: "validation" });
    await expect(removeReportedContent(t.db, { adminId: admin.id, input: { reportId: "nope" }, now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("dismissing a report", () => {
  it("closes only that report, keeps the content, and records who did it", async () => {
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Hello" }, now: day1 });
    await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Hi!" }, now: day1 });
    const r1 = await createReport(t.db, { reporterId: chloe.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: NOW });
    const r2 = await createReport(t.db, { reporterId: ben.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: NOW });
    await dismissReport(t.db, { adminId: admin.id, input: { reportId: r1.id, note: "Not spam" }, now: NOW });
    const rows = await t.db.report.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.find((r) => r.id === r1.id)).toMatchObject({ status: "dismissed", openKey: null, resolvedById: admin.id, resolvedAt: NOW });
    expect(rows.find((r) => r.id === r2.id)).toMatchObject({ status: "open" });
    expect((await t.db.post.findUniqueOrThrow({ where: { id: post.id } })).deletedAt).toBeNull();
    expect(await points(ben.id, ana.id)).toBe(3);
    const [row] = await audit("admin.report_dismissed");
    expect(row).toMatchObject({ actorId: admin.id, subjectType: "report", subjectId: r1.id });
    expect(row.data).toMatchObject({ note: "Not spam", subjectType: "post", subjectId: post.id });
  });
});

describe("suspending a member", () => {
  async function pending(requesterId: string, recipientId: string, status = "pending") {
    return t.db.connectionRequest.create({
      data: {
        requesterId,
        recipientId,
        note: "We met at the meetup and talked about indexes for an hour.",
        status,
        pendingPairKey: status === "pending" ? pairKey(requesterId, recipientId) : null,
        snapshot: {},
        createdAt: day1,
        expiresAt: new Date(day1.getTime() + 30 * DAY),
      },
    });
  }

  it("withdraws their pending requests both ways without cooldown, tells them, and lifts cleanly", async () => {
    const out = await pending(ben.id, ana.id);
    const incoming = await pending(chloe.id, ben.id);
    const declined = await pending(ben.id, admin.id, "declined");
    const unrelated = await pending(ana.id, chloe.id);
    const report = await createReport(t.db, { reporterId: ana.id, input: { subjectType: "member", subjectId: ben.id, reason: "spam" }, now: NOW });

    const until = "2027-04-01";
    const res = await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "Bulk requests to strangers", until }, now: NOW });
    expect(res).toMatchObject({ handle: "ben_a", requestsWithdrawn: 2, reportsClosed: 1, until: new Date("2027-04-01T00:00:00Z") });

    const rows = await t.db.connectionRequest.findMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [out.id, incoming.id]) {
      expect(byId.get(id)).toMatchObject({ status: "withdrawn", pendingPairKey: null, cooldownUntil: null, decidedAt: NOW });
    }
    expect(byId.get(declined.id)!.status).toBe("declined");
    expect(byId.get(unrelated.id)!.status).toBe("pending");
    expect((await t.db.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("actioned");

    const viewer = await loadViewer(ben.id, NOW);
    expect(viewer!.suspended).toEqual({ reason: "Bulk requests to strangers", until: new Date("2027-04-01T00:00:00Z") });
    // The suspension ends by itself at the start of its last day.
    expect((await loadViewer(ben.id, new Date("2027-04-01T00:00:01Z")))!.suspended).toBeNull();
    const note = await t.db.notification.findFirstOrThrow({ where: { memberId: ben.id, type: "suspended" } });
    expect(note.data).toMatchObject({ reason: "Bulk requests to strangers" });

    await unsuspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id }, now: NOW });
    expect((await loadViewer(ben.id, NOW))!.suspended).toBeNull();
    expect(await t.db.member.findUniqueOrThrow({ where: { id: ben.id } })).toMatchObject({ suspendedAt: null, suspendedUntil: null, suspendedReason: null });

    const suspended = await audit("admin.member_suspended");
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({ actorId: admin.id, subjectType: "member", subjectId: ben.id });
    expect(suspended[0].data).toMatchObject({ reason: "Bulk requests to strangers", requestsWithdrawn: [out.id, incoming.id].sort() });
    expect(await audit("admin.member_unsuspended")).toHaveLength(1);
  });

  it("without an end date, lasts until lifted", async () => {
    await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "Harassment", until: "" }, now: NOW });
    expect((await loadViewer(ben.id, new Date("2030-01-01")))!.suspended).toEqual({ reason: "Harassment", until: null });
  });

  it("validates the reason and end date, and refuses suspending yourself", async () => {
    const noReason = await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: " " }, now: NOW }).catch((e: AppError) => e);
    expect(noReason).toMatchObject({ code: "validation", fields: { reason: [expect.stringMatching(/Give a reason/)] } });
    const past = await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "x", until: "2027-03-10" }, now: NOW }).catch((e: AppError) => e);
    expect(past).toMatchObject({ code: "validation", fields: { until: [expect.stringMatching(/after today/)] } });
    const bad = await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "x", until: "2027-02-30" }, now: NOW }).catch((e: AppError) => e);
    expect(bad).toMatchObject({ code: "validation", fields: { until: [expect.stringMatching(/doesn't exist/)] } });
    await expect(suspendMember(t.db, { adminId: admin.id, input: { memberId: admin.id, reason: "x" }, now: NOW })).rejects.toMatchObject({ code: "self" });
    await expect(unsuspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id }, now: NOW })).rejects.toMatchObject({ code: "conflict" });
    expect(await t.db.member.count({ where: { suspendedAt: { not: null } } })).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(0);
  });
});

describe("changing the settings", () => {
  it("stores new interactions with the new weight and leaves earlier ones as they were", async () => {
    const post = await createPost(t.db, { authorId: ana.id, input: { body: "Hello" }, now: day1 });
    const before = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Hi!" }, now: day1 });
    await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { comment: 5 }, requests: { weeklyLimit: 10 } }, now: NOW });
    const after = await createComment(t.db, { authorId: ben.id, input: { postId: post.id, body: "Me again" }, now: day2 });
    const weights = await t.db.interaction.findMany({ where: { commentId: { in: [before.id, after.id] } }, select: { commentId: true, weight: true } });
    expect(new Map(weights.map((w) => [w.commentId, w.weight]))).toEqual(new Map([[before.id, 3], [after.id, 5]]));
    const settings = await getAppSettings(t.db);
    expect(settings.weights).toMatchObject({ comment: 5, reaction: 1 });
    expect(settings.requests).toMatchObject({ weeklyLimit: 10, pendingCap: 50 });

    const [row] = await audit("admin.settings_updated");
    expect(row).toMatchObject({ actorId: admin.id, subjectType: "app_settings", subjectId: "1" });
    expect(row.data).toEqual({ changes: { "weights.comment": { from: 3, to: 5 }, "requests.weeklyLimit": { from: 20, to: 10 } } });
  });

  it("keeps what a partial update leaves out", async () => {
    await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { comment: 5 }, requests: { weeklyLimit: 10 } }, now: NOW });
    await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { reaction: 2 }, presets: { strict: { minPoints: 20 } } }, now: NOW });
    const settings = await getAppSettings(t.db);
    expect(settings.weights).toMatchObject({ comment: 5, reaction: 2 });
    expect(settings.requests.weeklyLimit).toBe(10);
    expect(settings.presets).toEqual({
      strict: { minPoints: 20, minInteractions: 4, minDistinctDays: 3, minSpanDays: 14, requireConversation: true, requireReciprocity: true },
    });
  });

  it("keeps only preset overrides that differ from the built-in presets", async () => {
    const same = { minPoints: 6, minInteractions: 2, minDistinctDays: 2, minSpanDays: 0, requireConversation: true, requireReciprocity: false };
    const stricter = { minPoints: 20, minInteractions: 5, minDistinctDays: 4, minSpanDays: 21, requireConversation: true, requireReciprocity: true };
    const saved = await updateAppSettings(t.db, { adminId: admin.id, input: { presets: { standard: same, strict: stricter } }, now: NOW });
    expect(saved.presets).toEqual({ strict: stricter });
    const stored = await t.db.appSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect((stored.values as { presets: unknown }).presets).toEqual({ strict: stricter });
  });

  it("refuses out-of-range values with a message naming the setting, and saves nothing", async () => {
    const e = await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { reaction: 50 }, content: { postsPerHour: 0 } }, now: NOW }).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).fields).toEqual({
      "weights.reaction": ["Reaction: enter a whole number from 0 to 20."],
      "content.postsPerHour": ["Posts per hour: enter a whole number from 1 to 10000."],
    });
    expect(await t.db.appSettings.count()).toBe(0);
    expect(await t.db.auditEvent.count()).toBe(0);
  });
});

describe("the audit log", () => {
  it("lists every admin action newest first, by cursor, with who did it", async () => {
    await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { comment: 4 } }, now: day1 });
    await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "Spam" }, now: day2 });
    await unsuspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id }, now: NOW });
    // Members' own events are in the same table but not in the admin log.
    await t.db.auditEvent.create({ data: { actorId: ana.id, action: "request.sent", subjectType: "connection_request", subjectId: "x" } });

    const first = await listAdminAudit(t.db, { take: 2 });
    expect(first.items.map((r) => r.action)).toEqual(["admin.member_unsuspended", "admin.member_suspended"]);
    expect(first.items[0].actor).toMatchObject({ handle: "mod_a" });
    const second = await listAdminAudit(t.db, { take: 2, cursor: first.nextCursor });
    expect(second.items.map((r) => r.action)).toEqual(["admin.settings_updated"]);
    expect(second.nextCursor).toBeNull();
  });
});
