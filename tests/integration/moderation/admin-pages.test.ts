import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import type { ReactElement } from "react";

// Renders the admin pages and the /report page as HTML (without Next's server), with the
// real session code and a faked request, to check what an admin and a member each get.
const session = vi.hoisted(() => ({ memberId: null as string | null }));
vi.mock("next-auth", async (orig) => (await import("@/tests/support/fake-request")).fakeNextAuth(orig, session));
vi.mock("next/headers", async () => (await import("@/tests/support/fake-request")).fakeHeaders({ "x-rapport-path": "/report" }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { useTestDatabase } from "@/tests/support/test-database";
import { createAdmin, createMember, type FactoryMember } from "@/tests/factories/members";
import { createPost } from "@/lib/server/services/posts/create-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { createReport } from "@/lib/server/services/reports/create-report";
import { updateAppSettings } from "@/lib/server/services/admin/update-settings";
import { suspendMember } from "@/lib/server/services/admin/suspend-member";
import AdminQueuePage from "@/app/(app)/admin/page";
import ReportDetailPage from "@/app/(app)/admin/reports/[id]/page";
import AdminMembersPage from "@/app/(app)/admin/members/page";
import AdminSettingsPage from "@/app/(app)/admin/settings/page";
import AdminAuditPage from "@/app/(app)/admin/audit/page";
import ReportPage from "@/app/(app)/report/page";
import { systemNow } from "@/lib/server/clock";

const t = useTestDatabase();
const html = async (page: Promise<ReactElement>) => renderToString(await page).replaceAll("<!-- -->", "");
const search = (q: Record<string, string> = {}) => ({ searchParams: Promise.resolve(q) });

let admin: FactoryMember, ana: FactoryMember, ben: FactoryMember;
let postId: string, reportId: string;

beforeEach(async () => {
  await t.reset();
  admin = await createAdmin({ handle: "mod_p", name: "Mo Derator" });
  ana = await createMember({ handle: "ana_p", name: "Ana Ferreira" });
  ben = await createMember({ handle: "ben_p", name: "Ben Okafor" });
  const post = await createPost(t.db, { authorId: ben.id, input: { body: "Buy my networking course today" }, now: systemNow() });
  postId = post.id;
  await createComment(t.db, { authorId: ana.id, input: { postId, body: "Is this an ad?" }, now: systemNow() });
  reportId = (await createReport(t.db, { reporterId: ana.id, input: { subjectType: "post", subjectId: postId, reason: "spam", text: "An ad, again." }, now: new Date() })).id;
  const log = (await logInteraction(t.db, { actorId: ben.id, input: { targetHandle: "ana_p", platform: "x", kind: "reply", occurredOn: new Date().toISOString().slice(0, 10), evidenceUrl: "https://x.com/ben/status/42" }, now: systemNow() })) as { id: string };
  await createReport(t.db, { reporterId: ana.id, input: { subjectType: "logged_interaction", subjectId: log.id, reason: "fake_interaction", text: "Never happened" }, now: new Date() });
  await createReport(t.db, { reporterId: ana.id, input: { subjectType: "member", subjectId: ben.id, reason: "harassment", text: "Keeps messaging me" }, now: new Date() });
  session.memberId = admin.id;
});

describe("admin pages, for an admin", () => {
  it("the queue shows each open report with its content, context and actions", async () => {
    const page = await html(AdminQueuePage(search()));
    expect(page).toContain("Open reports");
    expect(page).toContain("Buy my networking course today");
    expect(page).toContain("An ad, again.");
    expect(page).toContain("@ana_p");
    expect(page).toContain("Remove post");
    expect(page).toContain("https://x.com/ben/status/42"); // the logged interaction's evidence
    expect(page).toContain("Remove logged interaction");
    expect(page).toContain("Keeps messaging me");
    expect(page.match(/data-testid="report-item"/g)).toHaveLength(3);
  });

  it("a report's page shows the item, the author's record and the suspend form", async () => {
    const page = await html(ReportDetailPage({ params: Promise.resolve({ id: reportId }) }));
    expect(page).toContain("Report about a post");
    expect(page).toContain("Buy my networking course today");
    expect(page).toContain(`/feed/p/${postId}`);
    expect(page).toContain("In the last 90 days: 0 requests sent");
    expect(page).toContain("Suspend @ben_p");
  });

  it("members, settings and the audit log render", async () => {
    await updateAppSettings(t.db, { adminId: admin.id, input: { weights: { comment: 4 } }, now: new Date() });
    await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "Spam campaign" }, now: new Date() });
    const members = await html(AdminMembersPage(search({ q: "ben" })));
    expect(members).toContain("Ben Okafor");
    expect(members).toContain("Spam campaign");
    expect(members).toContain("Lift suspension of @ben_p");
    expect(members).not.toContain("Ana Ferreira");
    const settings = await html(AdminSettingsPage());
    expect(settings).toMatch(/name="weights.comment"[^>]*value="4"|value="4"[^>]*name="weights.comment"/);
    expect(settings).toContain("Preset thresholds");
    const audit = await html(AdminAuditPage(search()));
    expect(audit).toContain("Suspended a member");
    expect(audit).toContain("Changed settings");
    expect(audit).toContain("weights.comment: 3 → 4");
  });
});

describe("admin pages, for anyone else", () => {
  it.each([
    ["/admin", () => AdminQueuePage(search())],
    ["/admin/reports/[id]", () => ReportDetailPage({ params: Promise.resolve({ id: reportId }) })],
    ["/admin/members", () => AdminMembersPage(search())],
    ["/admin/settings", () => AdminSettingsPage()],
    ["/admin/audit", () => AdminAuditPage(search())],
  ])("%s is not found", async (_path, render) => {
    for (const who of [ana.id, null]) {
      session.memberId = who;
      await expect(render()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    }
  });
});

describe("the /report page", () => {
  it("shows the item and the report form", async () => {
    session.memberId = ana.id;
    const page = await html(ReportPage(search({ type: "post", id: postId })));
    expect(page).toContain("Report @ben_p&#x27;s post");
    expect(page).toContain("Buy my networking course today");
    expect(page).toContain("Send report");
  });

  it("is not found for an unknown or hidden item", async () => {
    session.memberId = ana.id;
    await expect(ReportPage(search({ type: "post", id: "nope" }))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(ReportPage(search({ type: "photo", id: postId }))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await t.db.block.create({ data: { blockerId: ben.id, blockedId: ana.id } });
    await expect(ReportPage(search({ type: "post", id: postId }))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
