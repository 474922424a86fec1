import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { requestPasswordReset, resetPassword } from "@/lib/server/services/accounts/password-reset";
import { dispatchOutbox } from "@/lib/server/email/dispatch";
import { queueCategoryEmail, queueEmail } from "@/lib/server/email/outbox";
import { mailSender, messageIdFor } from "@/lib/server/email/transport";
import { readUnsubscribeToken } from "@/lib/server/email/unsubscribe";
import { requestReceivedMessage } from "@/lib/email/messages";
import { renderEmail } from "@/lib/email/layout";
import { verifyPassword } from "@/lib/server/auth/password";
import { createMember } from "@/tests/factories/members";
import { startTestSmtp, type TestSmtp } from "@/tests/support/smtp-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { post } from "@/tests/integration/api/http";

// Every message here travels over SMTP to a real server started by this file (smtp-server).
const t = useTestDatabase();
let smtp: TestSmtp;
const saved = { ...process.env };
const NOW = new Date("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

beforeAll(async () => {
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Rapport <hello@rapport.test>";
  process.env.NEXTAUTH_URL = "https://rapport.test";
});
afterAll(async () => {
  process.env = saved;
  await smtp?.close();
});
beforeEach(async () => {
  await t.reset();
  smtp.clear();
});

const dispatch = (now: Date, extra: Partial<Parameters<typeof dispatchOutbox>[1]> = {}) =>
  dispatchOutbox(t.db, { now, sender: mailSender(), ...extra });
const outbox = () => t.db.emailOutbox.findMany({ orderBy: { createdAt: "asc" } });
const header = (mail: ParsedMail, name: string) => mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, "");

describe("email over SMTP", () => {
  it("a reset email arrives with the right headers, and its link sets the new password once", async () => {
    const ana = await createMember({ email: "ana@example.test", name: "Ana Lima" });
    await requestPasswordReset(t.db, { input: { email: "ANA@example.test" }, now: NOW });
    expect(smtp.received).toHaveLength(0); // nothing is sent inside the request
    expect(await dispatch(NOW)).toEqual({ sent: 1, failed: 0, dead: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 1, recipient: "ana@example.test", category: "account" });
    expect(mail.subject).toBe("Reset your Rapport password");
    expect(mail.from?.text).toBe('"Rapport" <hello@rapport.test>');
    expect((mail.to as { text: string }).text).toBe("ana@example.test");
    expect(mail.messageId).toBe(messageIdFor(row.key, "Rapport <hello@rapport.test>"));
    expect(mail.html).toContain("Choose a new password");
    const link = /https:\/\/rapport\.test\/reset-password\?token=([\w-]+)/.exec(mail.text ?? "");
    expect(link).not.toBeNull();
    expect(mail.html).toContain(link![0]);

    // Following the link: the token sets the new password, ends the sessions, and is used up.
    const before = await t.db.member.findUniqueOrThrow({ where: { id: ana.id } });
    await resetPassword(t.db, { input: { token: link![1], password: "a brand new password" }, now: at(60) });
    const after = await t.db.member.findUniqueOrThrow({ where: { id: ana.id } });
    expect(await verifyPassword(after.passwordHash, "a brand new password")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await t.db.auditEvent.count({ where: { action: "account.password_reset", subjectId: ana.id } })).toBe(1);
    await expect(resetPassword(t.db, { input: { token: link![1], password: "another new password" }, now: at(61) })).rejects.toMatchObject({
      code: "validation",
      fields: { token: [expect.stringMatching(/expired or was already used/)] },
    });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).passwordHash).toBe(after.passwordHash);
  });

  it("a category email carries List-Unsubscribe and one-click List-Unsubscribe-Post with a signed link", async () => {
    const ben = await createMember({ name: "Ben" });
    await t.db.$transaction((tx) =>
      queueCategoryEmail(tx, {
        key: "request-received:r1",
        memberId: ben.id,
        category: "requests",
        now: NOW,
        build: () => requestReceivedMessage({ from: "Ana <b>Lima</b>", note: "We met at <script>", link: "https://rapport.test/requests/r1", unsubscribe: "https://rapport.test/u" }),
      }),
    );
    await dispatch(NOW);
    const mail = smtp.received[0];
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsub = /<https:\/\/rapport\.test\/api\/email\/unsubscribe\?t=([^>]+)>/.exec(header(mail, "List-Unsubscribe") ?? "");
    expect(unsub).not.toBeNull();
    expect(readUnsubscribeToken(decodeURIComponent(unsub![1]))).toEqual({ memberId: ben.id, category: "requests" });
    expect(readUnsubscribeToken(decodeURIComponent(unsub![1]).replace(".requests.", ".answers."))).toBeNull();
    // every interpolated value is escaped in the HTML
    expect(mail.html).toContain("Ana &lt;b&gt;Lima&lt;/b&gt;");
    expect(mail.html).not.toContain("<script>");
  });

  it("the same key twice is one message", async () => {
    const ben = await createMember();
    const message = renderEmail({ subject: "Hello", heading: "Hello", parts: [] });
    for (let i = 0; i < 2; i++) {
      await queueEmail(t.db, { key: "same-key", memberId: ben.id, to: ben.email, category: "account", message, now: NOW });
    }
    await dispatch(NOW);
    await dispatch(at(600));
    expect(smtp.received).toHaveLength(1);
  });

  it("a server that fails the first two tries, then accepts: delivered exactly once, with backoff between tries", async () => {
    const ben = await createMember();
    await queueEmail(t.db, { key: "k1", memberId: ben.id, to: ben.email, category: "account", message: renderEmail({ subject: "Hi", heading: "Hi", parts: [] }), now: NOW });
    smtp.failNext(2);
    expect(await dispatch(NOW)).toMatchObject({ failed: 1 });
    let [row] = await outbox();
    expect(row).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(60) });
    expect(row.lastError).toMatch(/451/);
    expect(await dispatch(at(59))).toEqual({ sent: 0, failed: 0, dead: 0 }); // not before its time
    expect(await dispatch(at(60))).toMatchObject({ failed: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: at(60 + 120) }); // the wait doubled
    expect(await dispatch(at(180))).toMatchObject({ sent: 1 });
    expect(await dispatch(at(10_000))).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(smtp.attempts()).toBe(3);
    expect(smtp.received).toHaveLength(1);
    [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("after the last try the message is dead, with its last error", async () => {
    const ben = await createMember();
    await queueEmail(t.db, { key: "k2", memberId: ben.id, to: ben.email, category: "account", message: renderEmail({ subject: "Hi", heading: "Hi", parts: [] }), now: NOW });
    smtp.failNext(10);
    const o = { maxAttempts: 3, backoffBaseSeconds: 1 };
    await dispatch(NOW, o);
    await dispatch(at(1), o);
    expect(await dispatch(at(3), o)).toMatchObject({ dead: 1 });
    expect(await dispatch(at(1000), o)).toEqual({ sent: 0, failed: 0, dead: 0 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: "dead", attempts: 3 });
    expect(row.lastError).toMatch(/mailbox busy/);
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses header injection in subjects, names and recipients, writing nothing", async () => {
    const ben = await createMember();
    expect(() => renderEmail({ subject: "Hi\r\nBcc: all@example.test", heading: "x", parts: [] })).toThrow(/line break/);
    expect(() => requestReceivedMessage({ from: "Eve\nBcc: all@example.test", note: "", link: "https://x", unsubscribe: "https://u" })).toThrow(/line break/);
    await expect(
      queueEmail(t.db, { key: "k3", memberId: ben.id, to: "a@example.test\r\nBcc: b@example.test", category: "account", message: renderEmail({ subject: "Hi", heading: "Hi", parts: [] }), now: NOW }),
    ).rejects.toThrow(/line break/);
    expect(await outbox()).toHaveLength(0);
  });

  it("a reset for an unknown address sends nothing, and a fourth request within the hour sends nothing more", async () => {
    await requestPasswordReset(t.db, { input: { email: "nobody@example.test" }, now: NOW });
    await createMember({ email: "cy@example.test" });
    for (let i = 0; i < 4; i++) await requestPasswordReset(t.db, { input: { email: "cy@example.test" }, now: at(i) });
    await dispatch(at(10));
    expect(smtp.received.map((m) => (m.to as { text: string }).text)).toEqual(["cy@example.test", "cy@example.test", "cy@example.test"]);
  });

  it("over the API: 202 with the same words for a member and a stranger; the emailed token resets once, then 400", async () => {
    const ana = await createMember({ email: "ana@example.test" });
    const known = await post("/api/v1/password-resets", { email: "ana@example.test" });
    const unknown = await post("/api/v1/password-resets", { email: "nobody@example.test" });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    await dispatch(new Date());
    expect(smtp.received).toHaveLength(1);
    const token = /token=([\w-]+)/.exec(smtp.received[0].text ?? "")![1];

    const bad = await post("/api/v1/password-resets/confirm", { token: "forged-token-forged-token-forged", password: "a brand new password" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: "token" })]);
    const short = await post("/api/v1/password-resets/confirm", { token, password: "short" });
    expect(short.status).toBe(400);
    const ok = await post("/api/v1/password-resets/confirm", { token, password: "a brand new password" });
    expect(ok.status).toBe(204);
    expect(await verifyPassword((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).passwordHash, "a brand new password")).toBe(true);
    const again = await post("/api/v1/password-resets/confirm", { token, password: "yet another password" });
    expect(again.status).toBe(400);
  });
});
