import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember, createAdmin, type FactoryMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { createComment, createKudos, createPost } from "@/tests/factories/content";
import { AppError } from "@/lib/server/errors";
import { createReport, REPORTS_PER_DAY } from "@/lib/server/services/reports/create-report";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";
import type { TReportCreateInput } from "@/lib/validation/report";

const t = useTestDatabase();
const NOW = new Date("2027-03-10T12:00:00Z");

async function refused(run: () => Promise<unknown>, code: string): Promise<AppError> {
  const before = await t.db.report.count();
  const e = await run().then(() => undefined, (err: unknown) => err);
  expect(e, `expected ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect(await t.db.report.count()).toBe(before);
  return e as AppError;
}

const report = (reporterId: string, subjectType: string, subjectId: string, extra: Record<string, unknown> = {}, now = NOW) =>
  createReport(t.db, { reporterId, input: { subjectType, subjectId, reason: "spam", text: "", ...extra } as TReportCreateInput, now });

async function logged(actorId: string, targetId: string, status = "pending") {
  return t.db.loggedInteraction.create({
    data: { actorId, targetId, platform: "x", kind: "reply", occurredOn: new Date("2027-03-01"), evidenceUrl: `https://x.com/a/status/${Math.random()}`, status },
  });
}

describe("reporting", () => {
  beforeEach(() => t.reset());

  it("stores an open report for each kind of item", async () => {
    const [ana, ben] = [await createMember(), await createMember()];
    const post = await createPost({ authorId: ben.id });
    const comment = await createComment({ postId: post.id, authorId: ben.id });
    const kudos = await createKudos({ authorId: ben.id, recipientId: ana.id });
    const log = await logged(ben.id, ana.id);
    for (const [type, id] of [
      ["member", ben.id],
      ["post", post.id],
      ["comment", comment.id],
      ["kudos", kudos.id],
      ["logged_interaction", log.id],
    ]) {
      const r = await report(ana.id, type, id, { reason: "harassment", text: "  Not kind.  " });
      expect(r).toMatchObject({ subjectType: type, subjectId: id, reason: "harassment", status: "open" });
    }
    const rows = await t.db.report.findMany({ where: { reporterId: ana.id } });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.text === "Not kind." && r.openKey === `${ana.id}:${r.subjectType}:${r.subjectId}`)).toBe(true);
  });

  it("answers a second report of the same item kindly, and accepts it again once the first is closed", async () => {
    const [ana, ben, admin] = [await createMember(), await createMember(), await createAdmin()];
    const post = await createPost({ authorId: ben.id });
    const first = await report(ana.id, "post", post.id);
    const e = await refused(() => report(ana.id, "post", post.id, { reason: "other", text: "Again" }), "already_exists");
    expect(e.message).toBe("You already reported this; a moderator will look at it.");
    // Someone else may report the same post.
    const chloe = await createMember();
    await report(chloe.id, "post", post.id);
    await dismissReport(t.db, { adminId: admin.id, input: { reportId: first.id }, now: NOW });
    await report(ana.id, "post", post.id);
    expect(await t.db.report.count({ where: { reporterId: ana.id, subjectId: post.id } })).toBe(2);
  });

  it("validates reason and text, naming the field", async () => {
    const [ana, ben] = [await createMember(), await createMember()];
    const noReason = await refused(() => report(ana.id, "member", ben.id, { reason: "rude" }), "validation");
    expect(noReason.fields?.reason?.[0]).toMatch(/Choose a reason/);
    const other = await refused(() => report(ana.id, "member", ben.id, { reason: "other", text: " " }), "validation");
    expect(other.fields?.text?.[0]).toBe("Tell the moderators in a few words what is wrong.");
    const long = await refused(() => report(ana.id, "member", ben.id, { text: "x".repeat(1001) }), "validation");
    expect(long.fields?.text?.[0]).toBe("Keep the details under 1,000 characters.");
    const type = await refused(() => report(ana.id, "photo", ben.id), "validation");
    expect(type.fields?.subjectType).toBeDefined();
  });

  it("cannot report what the reporter cannot see", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const post = await createPost({ authorId: ben.id });
    const removedPost = await createPost({ authorId: ben.id, deletedAt: NOW });
    const commentOnRemoved = await createComment({ postId: removedPost.id, authorId: chloe.id });
    const chloePost = await createPost({ authorId: chloe.id });
    const benCommentOnChloe = await createComment({ postId: chloePost.id, authorId: ben.id });
    await refused(() => report(ana.id, "post", "no_such_post"), "not_found");
    await refused(() => report(ana.id, "post", removedPost.id), "not_found");
    await refused(() => report(ana.id, "comment", commentOnRemoved.id), "not_found");
    // Ben blocked Ana: his profile, posts and comments do not exist for her.
    await createBlock(ben.id, ana.id);
    await refused(() => report(ana.id, "member", ben.id), "not_found");
    await refused(() => report(ana.id, "post", post.id), "not_found");
    await refused(() => report(ana.id, "comment", benCommentOnChloe.id), "not_found");
    // …but Ben, who blocked her, may still report her.
    await report(ben.id, "member", ana.id);
  });

  it("lets only the two members concerned report a pending logged interaction", async () => {
    const [ana, ben, chloe] = [await createMember(), await createMember(), await createMember()];
    const pending = await logged(ben.id, ana.id);
    await refused(() => report(chloe.id, "logged_interaction", pending.id), "not_found");
    await report(ana.id, "logged_interaction", pending.id, { reason: "fake_interaction" });
    const confirmed = await logged(ben.id, ana.id, "confirmed");
    await report(chloe.id, "logged_interaction", confirmed.id);
    const withdrawn = await logged(ben.id, ana.id, "withdrawn");
    await refused(() => report(ana.id, "logged_interaction", withdrawn.id), "not_found");
  });

  it("refuses reporting yourself or your own content", async () => {
    const ana = await createMember();
    const post = await createPost({ authorId: ana.id });
    expect((await refused(() => report(ana.id, "member", ana.id), "self")).message).toBe("You can't report yourself.");
    expect((await refused(() => report(ana.id, "post", post.id), "self")).message).toMatch(/your own post/);
  });

  it(`allows at most ${REPORTS_PER_DAY} reports a day per member`, async () => {
    const ana = await createMember();
    const others: FactoryMember[] = [];
    for (let i = 0; i <= REPORTS_PER_DAY; i++) others.push(await createMember());
    for (const m of others.slice(0, REPORTS_PER_DAY)) await report(ana.id, "member", m.id);
    const e = await refused(() => report(ana.id, "member", others[REPORTS_PER_DAY].id), "rate_limited");
    expect(e.retryAt).toEqual(new Date(NOW.getTime() + 86_400_000));
  });
});
