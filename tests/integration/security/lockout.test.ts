import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { INVALID_SIGNIN_LINK, requestSignInLink, signInWithLink } from "@/lib/server/services/accounts/sign-in-link";
import { setClockForTests } from "@/lib/server/clock";
import { KNOWN_PASSWORD, createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";

/**
 * Wrong passwords must not become a way to lock someone out: they close the account's
 * *password* path (and slow the attacker's address), the owner still gets in with an emailed
 * sign-in link, and is told once per throttling episode.
 */
const t = useTestDatabase();
const NOW = new Date("2027-05-01T10:00:00.000Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);

beforeEach(async () => {
  await t.reset();
  setClockForTests(NOW);
});
afterEach(() => setClockForTests(undefined));

const wrong = (email: string, ip: string, now = NOW) => signInWithPassword(t.db, { input: { email, password: "not the password" }, ip, now });
const right = (email: string, now = NOW) => signInWithPassword(t.db, { input: { email, password: KNOWN_PASSWORD }, ip: "198.51.100.200", now });

async function mails(to: string) {
  return t.db.emailOutbox.findMany({ where: { recipient: to }, orderBy: { createdAt: "asc" }, select: { subject: true, textBody: true } });
}
async function linkToken(to: string): Promise<string> {
  const links = (await mails(to)).filter((m) => m.subject === "Your Rapport sign-in link");
  return /\/signin\/link\?token=([\w-]+)/.exec(links.at(-1)!.textBody)![1];
}

describe("an attacker's wrong passwords", () => {
  it("close the password path, but the owner signs in with an emailed link", async () => {
    const m = await createMember();
    for (let i = 0; i < 5; i++) await wrong(m.email, `203.0.113.${i}`);
    const refused = await right(m.email);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe("rate_limited");
      expect(refused.error.message).toMatch(/Email me a sign-in link/);
    }

    await requestSignInLink(t.db, { input: { email: m.email }, ip: "198.51.100.200", now: at(1) });
    const token = await linkToken(m.email);
    const signedIn = await signInWithLink(t.db, { token, now: at(2) });
    expect(signedIn.memberId).toBe(m.id);
    expect(await t.db.auditEvent.count({ where: { action: "account.signin_link", subjectId: m.id } })).toBe(1);
    // The password path stays closed for the attacker meanwhile.
    expect((await wrong(m.email, "203.0.113.99", at(3))).ok).toBe(false);
  });

  it("tells the owner once per throttling episode, through the outbox", async () => {
    const m = await createMember();
    for (let i = 0; i < 4; i++) await wrong(m.email, "203.0.113.1");
    expect((await mails(m.email)).length).toBe(0); // below the limit: nothing yet
    for (let i = 0; i < 6; i++) await wrong(m.email, "203.0.113.1", at(1)); // the 5th failure, then refusals
    const notices = (await mails(m.email)).filter((x) => x.subject === "Failed sign-in attempts on your Rapport account");
    expect(notices).toHaveLength(1);
    expect(notices[0].textBody).toMatch(/wrong password 5 times/);
    expect(notices[0].textBody).toContain("/signin/link");

    // A new episode after the window: told again, once.
    for (let i = 0; i < 7; i++) await wrong(m.email, "203.0.113.1", at(20));
    expect((await mails(m.email)).filter((x) => x.subject === "Failed sign-in attempts on your Rapport account")).toHaveLength(2);
  });

  it("slows the attacker's address for every account it tries", async () => {
    const members = await Promise.all(Array.from({ length: 3 }, () => createMember()));
    process.env.RAPPORT_SIGNIN_MAX_PER_IP = "2";
    try {
      const results = [];
      for (const m of members) results.push(await wrong(m.email, "192.0.2.9"));
      expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["unauthenticated", "unauthenticated", "rate_limited"]);
      // The third account's password path is not closed by it: its owner signs in from home.
      expect((await right(members[2].email)).ok).toBe(true);
    } finally {
      delete process.env.RAPPORT_SIGNIN_MAX_PER_IP;
    }
  });
});

describe("the sign-in link", () => {
  it("works once, for 15 minutes", async () => {
    const m = await createMember();
    await requestSignInLink(t.db, { input: { email: m.email }, ip: "198.51.100.1", now: NOW });
    const token = await linkToken(m.email);
    await expect(signInWithLink(t.db, { token, now: at(16) })).rejects.toMatchObject({ message: INVALID_SIGNIN_LINK });
    await requestSignInLink(t.db, { input: { email: m.email }, ip: "198.51.100.1", now: at(20) });
    const fresh = await linkToken(m.email);
    expect((await signInWithLink(t.db, { token: fresh, now: at(21) })).memberId).toBe(m.id);
    await expect(signInWithLink(t.db, { token: fresh, now: at(22) })).rejects.toMatchObject({ message: INVALID_SIGNIN_LINK });
    await expect(signInWithLink(t.db, { token: "forged-token-forged-token-forged", now: at(22) })).rejects.toMatchObject({ code: "validation" });
  });

  it("stores only the token's hash, and sends nothing for an unknown address", async () => {
    const m = await createMember();
    await requestSignInLink(t.db, { input: { email: m.email }, ip: "198.51.100.1", now: NOW });
    const token = await linkToken(m.email);
    const row = await t.db.emailToken.findFirstOrThrow({ where: { memberId: m.id, purpose: "signin_link" } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt).toEqual(at(15));
    await requestSignInLink(t.db, { input: { email: "nobody.here@example.test" }, ip: "198.51.100.1", now: NOW });
    expect(await t.db.emailOutbox.count({ where: { recipient: "nobody.here@example.test" } })).toBe(0);
  });

  it("does not sign in when the account's address changed after the link was sent", async () => {
    const m = await createMember();
    await requestSignInLink(t.db, { input: { email: m.email }, ip: "198.51.100.1", now: NOW });
    const token = await linkToken(m.email);
    await t.db.member.update({ where: { id: m.id }, data: { email: `moved.${m.id}@example.test` } });
    await expect(signInWithLink(t.db, { token, now: at(1) })).rejects.toMatchObject({ message: INVALID_SIGNIN_LINK });
  });

  it("limits link emails per account, so nobody can flood the owner's inbox", async () => {
    const m = await createMember();
    for (let i = 0; i < 8; i++) await requestSignInLink(t.db, { input: { email: m.email }, ip: `198.51.100.${i}`, now: NOW });
    expect((await mails(m.email)).filter((x) => x.subject === "Your Rapport sign-in link")).toHaveLength(5);
  });
});
