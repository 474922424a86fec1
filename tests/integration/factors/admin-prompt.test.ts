import { describe, expect, it, vi } from "vitest";
import { renderToString } from "react-dom/server";
import { createElement } from "react";

// Renders the admin layout as HTML with the real session code and a faked request.
const session = vi.hoisted(() => ({ memberId: null as string | null }));
vi.mock("next-auth", async (orig) => (await import("@/tests/support/fake-request")).fakeNextAuth(orig, session));
vi.mock("next/headers", async () => (await import("@/tests/support/fake-request")).fakeHeaders({ "x-rapport-path": "/admin" }));

import { useTestDatabase } from "@/tests/support/test-database";
import { createAdmin, createMember } from "@/tests/factories/members";
import AdminLayout from "@/app/(app)/admin/layout";

const t = useTestDatabase();
const render = async () => renderToString(await AdminLayout({ children: createElement("p", null, "page") }));

describe("admins are asked to enable a second factor", () => {
  it("an admin without one sees the prompt on admin pages; with a passkey or an app it goes away", async () => {
    const admin = await createAdmin();
    session.memberId = admin.id;
    expect(await render()).toContain('data-testid="admin-factor-prompt"');
    await t.db.passkey.create({ data: { id: `k-${admin.id}`, memberId: admin.id, publicKey: Buffer.from([1]), name: "Key", createdAt: new Date() } });
    expect(await render()).not.toContain("admin-factor-prompt");

    const other = await createAdmin();
    session.memberId = other.id;
    await t.db.totpFactor.create({ data: { memberId: other.id, secretSealed: "x", createdAt: new Date() } }); // not confirmed: not a factor yet
    expect(await render()).toContain("admin-factor-prompt");
    await t.db.totpFactor.update({ where: { memberId: other.id }, data: { confirmedAt: new Date() } });
    expect(await render()).not.toContain("admin-factor-prompt");
  });

  it("members and visitors never see it (the page itself answers 404 for them)", async () => {
    session.memberId = (await createMember()).id;
    expect(await render()).not.toContain("admin-factor-prompt");
    session.memberId = null;
    expect(await render()).not.toContain("admin-factor-prompt");
  });
});
