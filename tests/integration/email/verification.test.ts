import { beforeEach, describe, expect, it } from "vitest";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { requestEmailChange, resendVerification, verifyEmail } from "@/lib/server/services/accounts/email-verification";
import { signInWithOauth } from "@/lib/server/services/accounts/oauth-sign-in";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { createMember } from "@/tests/factories/members";
import { NOW, warmUp } from "@/tests/integration/requests/helpers";
import { tampered } from "@/tests/support/tamper";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
beforeEach(() => t.reset());
const NOTE = "We met at the Postgres meetup and talked about indexing for an hour.";
const linkToken = async (email: string) => {
  const rows = await t.db.emailOutbox.findMany({ where: { recipient: email, key: { startsWith: "verify-email:" } }, orderBy: { createdAt: "desc" } });
  return /\/verify-email\?token=([\w-]+)/.exec(rows[0].textBody)![1];
};

describe("email verification", () => {
  it("sign-up emails a link; unverified, sending a request is refused and writes nothing; after the link it goes through", async () => {
    const fresh = await signUp(t.db, { input: { email: "fresh@example.test", password: "a long enough password", handle: "fresh", name: "Fresh" }, ip: "10.0.0.1", now: NOW });
    const ana = await createMember();
    await warmUp(fresh.id, ana.id);
    const before = await t.db.connectionRequest.count();
    await expect(sendRequest(t.db, { requesterId: fresh.id, input: { to: ana.handle, note: NOTE }, now: NOW })).rejects.toMatchObject({ code: "email_unverified", status: 403 });
    expect(await t.db.connectionRequest.count()).toBe(before);

    const token = await linkToken("fresh@example.test");
    await expect(verifyEmail(t.db, { token: tampered(token), now: NOW })).rejects.toMatchObject({ code: "validation" });
    await verifyEmail(t.db, { token, now: NOW });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: fresh.id } })).emailVerifiedAt).toEqual(NOW);
    await expect(verifyEmail(t.db, { token, now: NOW })).rejects.toMatchObject({ code: "validation" }); // single use
    await expect(sendRequest(t.db, { requesterId: fresh.id, input: { to: ana.handle, note: NOTE }, now: NOW })).resolves.toMatchObject({ kind: "sent" });
  });

  it("resend is throttled to 3 links an hour (sign-up's counts)", async () => {
    const fresh = await signUp(t.db, { input: { email: "again@example.test", password: "a long enough password", handle: "again", name: "Again" }, ip: "10.0.0.2", now: NOW });
    await resendVerification(t.db, { memberId: fresh.id, now: NOW });
    await resendVerification(t.db, { memberId: fresh.id, now: NOW });
    await expect(resendVerification(t.db, { memberId: fresh.id, now: NOW })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await t.db.emailOutbox.count({ where: { recipient: "again@example.test" } })).toBe(3);
  });

  it("an address an OAuth provider states is verified counts as verified; one it does not state stays unverified", async () => {
    const a = await signInWithOauth(t.db, { provider: "google", providerAccountId: "g1", email: "g@example.test", name: "G", emailVerified: true, now: NOW });
    const b = await signInWithOauth(t.db, { provider: "github", providerAccountId: "h1", email: "h@example.test", name: "H" });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: a! } })).emailVerifiedAt).toEqual(NOW);
    expect((await t.db.member.findUniqueOrThrow({ where: { id: b! } })).emailVerifiedAt).toBeNull();
  });

  it("changing the email waits for the link to the new address, then tells the old one; a taken address is refused", async () => {
    const ana = await createMember({ email: "old@example.test" });
    await createMember({ email: "taken@example.test" });
    await expect(requestEmailChange(t.db, { memberId: ana.id, input: { email: "taken@example.test" }, now: NOW })).rejects.toMatchObject({ code: "already_exists", fields: { email: [expect.any(String)] } });
    await requestEmailChange(t.db, { memberId: ana.id, input: { email: "New@Example.test" }, now: NOW });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).email).toBe("old@example.test");
    await verifyEmail(t.db, { token: await linkToken("new@example.test"), now: NOW });
    expect(await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).toMatchObject({ email: "new@example.test", emailVerifiedAt: NOW });
    const notice = await t.db.emailOutbox.findFirstOrThrow({ where: { recipient: "old@example.test" } });
    expect(notice.subject).toBe("Your Rapport email address was changed");
    expect(await t.db.auditEvent.count({ where: { action: "account.email_changed", subjectId: ana.id } })).toBe(1);
  });
});
