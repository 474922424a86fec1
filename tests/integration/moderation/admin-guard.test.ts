import { beforeEach, describe, expect, it, vi } from "vitest";

// The real session code runs (getViewer → requireMember → requireAdmin); only the request
// around it is faked: whose session cookie it is, and Next's cache and header stores.
const session = vi.hoisted(() => ({ memberId: null as string | null }));
vi.mock("next-auth", async (orig) => (await import("@/tests/support/fake-request")).fakeNextAuth(orig, session));
vi.mock("next/headers", async () => (await import("@/tests/support/fake-request")).fakeHeaders());
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { useTestDatabase } from "@/tests/support/test-database";
import { createAdmin, createMember, type FactoryMember } from "@/tests/factories/members";
import { createPost } from "@/tests/factories/content";
import { requireMember } from "@/lib/server/auth/session";
import { createReport } from "@/lib/server/services/reports/create-report";
import { removeReportedContent } from "@/lib/server/services/admin/remove-content";
import { dismissReport } from "@/lib/server/services/admin/dismiss-report";
import { suspendMember, unsuspendMember } from "@/lib/server/services/admin/suspend-member";
import { updateAppSettings } from "@/lib/server/services/admin/update-settings";
import {
  dismissReportAction,
  removeContentAction,
  saveSettingsAction,
  suspendMemberAction,
  unsuspendMemberAction,
} from "@/lib/server/actions/admin";
import { requireAdminPage } from "@/app/(app)/admin/require-admin-page";

const t = useTestDatabase();

let admin: FactoryMember, ana: FactoryMember, ben: FactoryMember, reportId: string;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Everything an admin action could change. */
const state = async () => ({
  reports: await t.db.report.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
  posts: await t.db.post.count({ where: { deletedAt: { not: null } } }),
  suspended: await t.db.member.count({ where: { suspendedAt: { not: null } } }),
  settings: await t.db.appSettings.count(),
  audit: await t.db.auditEvent.count({ where: { action: { startsWith: "admin." } } }),
});

beforeEach(async () => {
  await t.reset();
  admin = await createAdmin({ handle: "mod_g" });
  ana = await createMember({ handle: "ana_g" });
  ben = await createMember({ handle: "ben_g" });
  const post = await createPost({ authorId: ben.id });
  reportId = (await createReport(t.db, { reporterId: ana.id, input: { subjectType: "post", subjectId: post.id, reason: "spam" }, now: new Date() })).id;
  session.memberId = null;
});

const ACTIONS = {
  removeContentAction: () => removeContentAction({}, form({ reportId })),
  dismissReportAction: () => dismissReportAction({}, form({ reportId })),
  suspendMemberAction: () => suspendMemberAction({}, form({ memberId: ben.id, reason: "Spam" })),
  unsuspendMemberAction: () => unsuspendMemberAction({}, form({ memberId: ben.id })),
  saveSettingsAction: () => saveSettingsAction({}, form({ "weights.comment": "9" })),
};

describe("admin server actions answer “not found” to everyone but admins", () => {
  it.each(Object.keys(ACTIONS))("%s, for a member, a suspended admin and a signed-out visitor", async (name) => {
    const run = ACTIONS[name as keyof typeof ACTIONS];
    if (name === "unsuspendMemberAction") await t.db.member.update({ where: { id: ben.id }, data: { suspendedAt: new Date(), suspendedReason: "x" } });
    const suspendedAdmin = await createAdmin({ suspendedAt: new Date(), suspendedReason: "Taking a break" });
    const before = await state();
    for (const who of [ana.id, suspendedAdmin.id, null]) {
      session.memberId = who;
      const result = await run();
      expect(result).toMatchObject({ ok: false, code: "not_found", message: "That page could not be found." });
    }
    expect(await state()).toEqual(before);
  });

  it("and do their work for an admin", async () => {
    session.memberId = admin.id;
    expect(await ACTIONS.removeContentAction()).toMatchObject({ ok: true, message: "Removed. 0 interactions no longer count; 1 report closed." });
    expect(await ACTIONS.suspendMemberAction()).toMatchObject({ ok: true, message: "@ben_g is suspended. 0 pending requests were withdrawn." });
    expect(await ACTIONS.unsuspendMemberAction()).toMatchObject({ ok: true, message: "@ben_g can use Rapport again." });
    expect(await ACTIONS.saveSettingsAction()).toMatchObject({ ok: true });
    const bad = await saveSettingsAction({}, form({ "weights.comment": "nine" }));
    expect(bad).toMatchObject({ ok: false, code: "validation", fields: { "weights.comment": ["Comment or reply: enter a whole number from 0 to 20."] } });
    expect(bad.values).toMatchObject({ "weights.comment": "nine" });
    expect(await t.db.auditEvent.count({ where: { action: { startsWith: "admin." } } })).toBe(4);
  });
});

describe("admin services check their actor too", () => {
  it.each([
    ["removeReportedContent", (actor: string) => removeReportedContent(t.db, { adminId: actor, input: { reportId }, now: new Date() })],
    ["dismissReport", (actor: string) => dismissReport(t.db, { adminId: actor, input: { reportId }, now: new Date() })],
    ["suspendMember", (actor: string) => suspendMember(t.db, { adminId: actor, input: { memberId: ben.id, reason: "Spam" }, now: new Date() })],
    ["unsuspendMember", (actor: string) => unsuspendMember(t.db, { adminId: actor, input: { memberId: ben.id }, now: new Date() })],
    ["updateAppSettings", (actor: string) => updateAppSettings(t.db, { adminId: actor, input: { weights: { comment: 9 } }, now: new Date() })],
  ] as const)("%s refuses a member with not_found", async (_name, run) => {
    const before = await state();
    await expect(run(ana.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(run("no-such-member")).rejects.toMatchObject({ code: "not_found" });
    expect(await state()).toEqual(before);
  });
});

describe("admin pages", () => {
  it("render the ordinary 404 for members and visitors, and let admins in", async () => {
    for (const who of [null, ana.id]) {
      session.memberId = who;
      await expect(requireAdminPage()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    }
    session.memberId = admin.id;
    expect(await requireAdminPage()).toMatchObject({ id: admin.id, role: "admin" });
  });
});

describe("a suspended member", () => {
  it("is refused by requireMember until the suspension is lifted", async () => {
    session.memberId = ben.id;
    expect(await requireMember()).toMatchObject({ id: ben.id });
    await suspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id, reason: "Bulk requests" }, now: new Date() });
    await expect(requireMember()).rejects.toMatchObject({ code: "suspended" });
    await unsuspendMember(t.db, { adminId: admin.id, input: { memberId: ben.id }, now: new Date() });
    expect(await requireMember()).toMatchObject({ id: ben.id, suspended: null });
  });
});
