import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/support/test-database";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { grantAdminByEmail } from "@/lib/server/services/admin/bootstrap-admin";

const t = useTestDatabase();
const role = async (email: string) => (await t.db.member.findUniqueOrThrow({ where: { email } })).role;

describe("the first admin", () => {
  beforeEach(() => t.reset());
  afterEach(() => {
    delete process.env.RAPPORT_ADMIN_EMAIL;
  });

  it("is the account whose email is RAPPORT_ADMIN_EMAIL, on sign-up", async () => {
    process.env.RAPPORT_ADMIN_EMAIL = " Boss@Example.test ";
    await signUp(t.db, { input: { email: "boss@example.test", password: "a long enough password", handle: "boss", name: "Boss" }, ip: "10.0.0.1", now: new Date() });
    await signUp(t.db, { input: { email: "other@example.test", password: "a long enough password", handle: "other", name: "Other" }, ip: "10.0.0.1", now: new Date() });
    expect(await role("boss@example.test")).toBe("admin");
    expect(await role("other@example.test")).toBe("member");
    const rows = await t.db.auditEvent.findMany({ where: { action: "admin.role_granted" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, subjectType: "member", data: { via: "env" } });
  });

  it("is promoted on sign-in when the account already existed, and only once", async () => {
    const m = await createMember({ email: "early@example.test" });
    process.env.RAPPORT_ADMIN_EMAIL = "someone@example.test,early@example.test";
    expect(await signInWithPassword(t.db, { input: { email: "early@example.test", password: "wrong password" }, ip: "10.0.0.2", now: new Date() })).toMatchObject({ ok: false });
    expect(await role(m.email)).toBe("member");
    expect(await signInWithPassword(t.db, { input: { email: "early@example.test", password: KNOWN_PASSWORD }, ip: "10.0.0.2", now: new Date() })).toMatchObject({ ok: true });
    await signInWithPassword(t.db, { input: { email: "early@example.test", password: KNOWN_PASSWORD }, ip: "10.0.0.2", now: new Date() });
    expect(await role(m.email)).toBe("admin");
    expect(await t.db.auditEvent.count({ where: { action: "admin.role_granted" } })).toBe(1);
  });

  it("changes nothing when the variable is unset", async () => {
    const m = await createMember();
    await signInWithPassword(t.db, { input: { email: m.email, password: KNOWN_PASSWORD }, ip: "10.0.0.3", now: new Date() });
    expect(await role(m.email)).toBe("member");
  });

  it("can be granted from the command line (npm run admin:grant)", async () => {
    const m = await createMember({ email: "ops@example.test" });
    expect(await grantAdminByEmail(t.db, { email: "OPS@example.test", now: new Date() })).toEqual({ handle: m.handle, granted: true });
    expect(await grantAdminByEmail(t.db, { email: "ops@example.test", now: new Date() })).toEqual({ handle: m.handle, granted: false });
    expect(await role("ops@example.test")).toBe("admin");
    await expect(grantAdminByEmail(t.db, { email: "nobody@example.test", now: new Date() })).rejects.toMatchObject({ code: "not_found" });
    const [row] = await t.db.auditEvent.findMany({ where: { action: "admin.role_granted" } });
    expect(row.data).toEqual({ via: "command" });
  });
});
