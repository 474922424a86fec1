import { beforeEach, describe, expect, it } from "vitest";
import { sendRequest } from "@/lib/server/services/requests/send-request";
import { acceptRequest } from "@/lib/server/services/requests/accept-request";
import { declineRequest } from "@/lib/server/services/requests/decline-request";
import { updateEmailPrefs, unsubscribeByToken } from "@/lib/server/services/notifications/email-prefs";
import { unsubscribeToken } from "@/lib/server/email/unsubscribe";
import { readEmailPrefs } from "@/lib/email/categories";
import { queueWeeklyDigests } from "@/lib/server/services/notifications/weekly-digest";
import { createMember } from "@/tests/factories/members";
import { NOW, warmUp } from "@/tests/integration/requests/helpers";
import { tampered } from "@/tests/support/tamper";
import { useTestDatabase } from "@/tests/support/test-database";

// The event's own transaction writes the email, beside the in-app notification; nothing is sent here.
const t = useTestDatabase();
beforeEach(() => t.reset());
const NOTE = "We met at the <Postgres> meetup & talked about indexing for an hour.";

async function pair() {
  const ben = await createMember({ name: "Ben Okafor" });
  const ana = await createMember({ name: "Ana Ferreira" });
  await warmUp(ben.id, ana.id);
  return { ben, ana };
}
const send = async (from: string, toHandle: string) =>
  ((await sendRequest(t.db, { requesterId: from, input: { to: toHandle, note: NOTE }, now: NOW })) as { requestId: string }).requestId;

describe("notification emails", () => {
  it("a new request emails the recipient at once, with the note escaped in HTML and a link to the review", async () => {
    const { ben, ana } = await pair();
    const requestId = await send(ben.id, ana.handle);
    const [row] = await t.db.emailOutbox.findMany();
    expect(row).toMatchObject({ key: `request-received:${requestId}`, recipient: ana.email, category: "requests", status: "pending", subject: "Ben Okafor would like to connect" });
    expect(row.textBody).toContain(NOTE);
    expect(row.htmlBody).toContain("&lt;Postgres&gt; meetup &amp; talked");
    expect(row.textBody).toMatch(new RegExp(`/requests/${requestId}`));
    expect(row.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("answers go to the digest by default; chosen 'at once', the 'not yet' email carries the date to ask again", async () => {
    const { ben, ana } = await pair();
    const first = await send(ben.id, ana.handle);
    await declineRequest(t.db, { recipientId: ana.id, requestId: first, input: { reason: "not_yet" }, now: NOW });
    expect(await t.db.emailOutbox.count({ where: { memberId: ben.id } })).toBe(0); // default: digest

    await updateEmailPrefs(t.db, { memberId: ben.id, input: { requests: "instant", answers: "instant", confirmations: "instant", introductions: "digest" } });
    const cy = await createMember({ name: "Cy" });
    await warmUp(ben.id, cy.id);
    const second = await send(ben.id, cy.handle);
    await declineRequest(t.db, { recipientId: cy.id, requestId: second, input: { reason: "not_yet" }, now: NOW });
    const row = await t.db.emailOutbox.findUniqueOrThrow({ where: { key: `request-answered:${second}` } });
    const until = (await t.db.connectionRequest.findUniqueOrThrow({ where: { id: second } })).cooldownUntil!;
    expect(row.textBody).toContain(`You can ask again from ${until.toISOString().slice(0, 10)}`);
    expect(row.subject).toBe("Cy answered “not yet”");
  });

  it("'never' sends nothing, and the in-app notification is still written", async () => {
    const { ben, ana } = await pair();
    await updateEmailPrefs(t.db, { memberId: ana.id, input: { requests: "never", answers: "digest", confirmations: "instant", introductions: "digest" } });
    await send(ben.id, ana.handle);
    expect(await t.db.emailOutbox.count()).toBe(0);
    expect(await t.db.notification.count({ where: { memberId: ana.id, type: "request_received" } })).toBe(1);
  });

  it("accepting emails the requester when they chose 'at once'", async () => {
    const { ben, ana } = await pair();
    await updateEmailPrefs(t.db, { memberId: ben.id, input: { requests: "instant", answers: "instant", confirmations: "instant", introductions: "digest" } });
    const id = await send(ben.id, ana.handle);
    await acceptRequest(t.db, { recipientId: ana.id, requestId: id, now: NOW });
    expect(await t.db.emailOutbox.findUniqueOrThrow({ where: { key: `request-answered:${id}` } })).toMatchObject({ recipient: ben.email, subject: "Ana Ferreira accepted your request" });
  });

  it("asking someone who already asked you connects you both, and emails them as an accept would", async () => {
    const { ben, ana } = await pair();
    await warmUp(ana.id, ben.id);
    await updateEmailPrefs(t.db, { memberId: ben.id, input: { requests: "instant", answers: "instant", confirmations: "instant", introductions: "digest" } });
    const id = await send(ben.id, ana.handle);
    await sendRequest(t.db, { requesterId: ana.id, input: { to: ben.handle, note: NOTE }, now: NOW });
    expect(await t.db.emailOutbox.findUniqueOrThrow({ where: { key: `request-answered:${id}` } })).toMatchObject({ recipient: ben.email, subject: "Ana Ferreira accepted your request" });
  });

  it("a bad preference names the field; a signed unsubscribe link turns the category off, a forged one changes nothing", async () => {
    const ana = await createMember();
    await expect(updateEmailPrefs(t.db, { memberId: ana.id, input: { requests: "sometimes", answers: "digest", confirmations: "instant", introductions: "digest" } as never })).rejects.toMatchObject({
      code: "validation",
      fields: { requests: [expect.any(String)] },
    });
    await expect(unsubscribeByToken(t.db, { token: tampered(unsubscribeToken(ana.id, "requests"), "last") })).rejects.toMatchObject({ code: "validation" });
    expect(readEmailPrefs((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).emailPrefs).requests).toBe("instant");
    await unsubscribeByToken(t.db, { token: unsubscribeToken(ana.id, "requests") });
    expect(readEmailPrefs((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).emailPrefs)).toMatchObject({ requests: "never", confirmations: "instant" });
  });

  it("the weekly digest tells what waits, once per member and week, and skips members with nothing in the digest", async () => {
    const { ben, ana } = await pair();
    await updateEmailPrefs(t.db, { memberId: ana.id, input: { requests: "digest", answers: "digest", confirmations: "instant", introductions: "digest" } });
    await send(ben.id, ana.handle);
    const quiet = await createMember();
    await updateEmailPrefs(t.db, { memberId: quiet.id, input: { requests: "never", answers: "never", confirmations: "instant", introductions: "never" } });
    await queueWeeklyDigests(t.db, { now: NOW });
    await queueWeeklyDigests(t.db, { now: NOW }); // a second run the same week
    const rows = await t.db.emailOutbox.findMany({ where: { category: "digest" } });
    expect(rows.map((r) => r.recipient)).toEqual([ana.email]);
    expect(rows[0].textBody).toContain("1 request waits for your answer.");
    expect(rows[0].headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
