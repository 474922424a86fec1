import { beforeEach, describe, expect, it } from "vitest";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { createAdmin, createMember } from "@/tests/factories/members";
import { createConnection } from "@/tests/factories/relations";
import { createPost } from "@/tests/factories/content";
import { AppError } from "@/lib/server/errors";
import { introduce } from "@/lib/server/services/introductions/introduce";
import { createReport } from "@/lib/server/services/reports/create-report";
import { removeReportedContent } from "@/lib/server/services/admin/remove-content";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";

// Only a server runs transactions side by side (PGlite has one connection).
const t = useTestDatabase();
const onServer = Boolean(serverUrl());

const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === "fulfilled" ? "ok" : r.reason instanceof AppError ? r.reason.code : String(r.reason))).sort();

describe.skipIf(!onServer)("moderation under concurrent requests (PostgreSQL)", () => {
  beforeEach(() => t.reset());

  it("stores one introduction of A to B when several mutual connections introduce them at once", async () => {
    const [a, b] = [await createMember({ handle: "ana_c" }), await createMember({ handle: "ben_c" })];
    const introducers = [];
    for (let i = 0; i < 5; i++) {
      const m = await createMember();
      await createConnection(m.id, a.id);
      await createConnection(m.id, b.id);
      introducers.push(m);
    }
    const results = await Promise.allSettled(
      introducers.map((m) => introduce(t.db, { introducerId: m.id, input: { introducedHandle: "ana_c", introducedToHandle: "ben_c", note: "You two should talk." }, now: new Date() })),
    );
    expect(codes(results)).toEqual(["conflict", "conflict", "conflict", "conflict", "ok"]);
    expect(await t.db.introduction.count()).toBe(1);
    expect(await t.db.interaction.count({ where: { kind: "introduction" } })).toBe(1);
  });

  it("keeps one open report per reporter and item when the same report is sent twice at once", async () => {
    const [ana, ben] = [await createMember(), await createMember()];
    const post = await createPost({ authorId: ben.id });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createReport(t.db, { reporterId: ana.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: new Date() })),
    );
    expect(codes(results)).toEqual(["already_exists", "already_exists", "ok"]);
    expect(await t.db.report.count()).toBe(1);
  });

  it("acts once when two admins remove the same reported post at once, or remove and dismiss it", async () => {
    const [ana, ben, mod1, mod2] = [await createMember(), await createMember(), await createAdmin(), await createAdmin()];
    const post = await createPost({ authorId: ben.id });
    const r = await createReport(t.db, { reporterId: ana.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: new Date() });
    const results = await Promise.allSettled([mod1, mod2].map((m) => removeReportedContent(t.db, { adminId: m.id, input: { reportId: r.id }, now: new Date() })));
    expect(codes(results)).toEqual(["conflict", "ok"]);
    expect(await t.db.auditEvent.count({ where: { action: "admin.content_removed" } })).toBe(1);
    expect((await t.db.report.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("actioned");

    const r2 = await createReport(t.db, { reporterId: mod1.id, input: { subjectType: "member", subjectId: ben.id, reason: "spam" }, now: new Date() });
    const both = await Promise.allSettled([dismissReport(t.db, { adminId: mod1.id, input: { reportId: r2.id }, now: new Date() }), dismissReport(t.db, { adminId: mod2.id, input: { reportId: r2.id }, now: new Date() })]);
    expect(codes(both)).toEqual(["conflict", "ok"]);
    expect(await t.db.auditEvent.count({ where: { action: "admin.report_dismissed" } })).toBe(1);
  });
});
