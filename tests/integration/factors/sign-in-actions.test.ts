import { Secret, TOTP } from "otpauth";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The sign-in server actions outside Next.js: a cookie jar the test can read.
vi.mock("next/headers", async () => (await import("@/tests/support/next-headers-mock")).nextHeadersMock({ "x-forwarded-for": "203.0.113.50", "x-forwarded-host": "localhost:3000", "x-forwarded-proto": "http" }));

import { signInAction } from "@/lib/server/actions/auth";
import { signInWithLinkAction } from "@/lib/server/actions/sign-in-link";
import { requestSignInLink } from "@/lib/server/services/accounts/sign-in-link";
import { secondStepAction } from "@/lib/server/actions/factors";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { pendingCookieName } from "@/lib/server/auth/pending-sign-in";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/factors/totp";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { cookieJar as jar } from "@/tests/support/next-headers-mock";
import { useTestDatabase } from "@/tests/support/test-database";

const t = useTestDatabase();
beforeEach(() => jar.clear());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
/** Where a server action redirected to (Next's redirect() throws), or what it returned. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    return `returned:${JSON.stringify(await p)}`;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
    throw e;
  }
}

/** A member with the authenticator app on (set up two minutes ago), and its code at any time. */
async function memberWithApp() {
  const m = await createMember();
  const now = new Date();
  const { secret } = await startTotpEnrolment(t.db, { memberId: m.id, now: new Date(now.getTime() - 120_000) });
  const code = (at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
  await confirmTotpEnrolment(t.db, { memberId: m.id, code: code(now.getTime() - 120_000), password: KNOWN_PASSWORD, ip: "203.0.113.50", now: new Date(now.getTime() - 120_000) });
  return { m, now, code };
}

describe("signing in with a password when a second factor is on", () => {
  it("without a factor: a session at once", async () => {
    const m = await createMember();
    expect(await outcome(signInAction({}, form({ email: m.email, password: KNOWN_PASSWORD, next: "/feed" })))).toBe("redirect:/feed");
    expect(jar.has(sessionCookieName())).toBe(true);
    expect(jar.has(pendingCookieName())).toBe(false);
  });

  it("with the app on: no session, a pending token and the second step; the code then makes the session", async () => {
    const { m, now, code } = await memberWithApp();

    expect(await outcome(signInAction({}, form({ email: m.email, password: KNOWN_PASSWORD, next: "/feed" })))).toBe(`redirect:/signin/second-factor?next=${encodeURIComponent("/feed")}`);
    expect(jar.has(sessionCookieName())).toBe(false);
    expect(jar.get(pendingCookieName())).toMatch(/^[\w-]+\.[\w-]+$/);

    const wrong = await outcome(secondStepAction({}, form({ method: "totp", code: code(now.getTime()) === "000000" ? "111111" : "000000", next: "/feed" })));
    expect(wrong).toMatch(/^returned:.*didn't match/);
    expect(jar.has(sessionCookieName())).toBe(false);

    expect(await outcome(secondStepAction({}, form({ method: "totp", code: code(Date.now()), next: "/feed" })))).toBe("redirect:/feed");
    expect(jar.has(sessionCookieName())).toBe(true);
    expect(jar.has(pendingCookieName())).toBe(false);
  });

  it("an emailed sign-in link stands for the password only: with the app on, the second step follows", async () => {
    const { m, now, code } = await memberWithApp();
    await requestSignInLink(t.db, { input: { email: m.email }, ip: "203.0.113.50", now });
    const mail = await t.db.emailOutbox.findFirstOrThrow({ where: { recipient: m.email, subject: "Your Rapport sign-in link" } });
    const token = /\/signin\/link\?token=([\w-]+)/.exec(mail.textBody)![1];

    expect(await outcome(signInWithLinkAction({}, form({ token })))).toBe(`redirect:/signin/second-factor?next=${encodeURIComponent("/")}`);
    expect(jar.has(sessionCookieName())).toBe(false);
    expect(jar.has(pendingCookieName())).toBe(true);
    expect(await outcome(secondStepAction({}, form({ method: "totp", code: code(Date.now()), next: "/" })))).toBe("redirect:/");
    expect(jar.has(sessionCookieName())).toBe(true);
  });

  it("the second step without a pending sign-in is refused", async () => {
    expect(await outcome(secondStepAction({}, form({ method: "totp", code: "123456" })))).toMatch(/^returned:.*took too long/);
    expect(jar.has(sessionCookieName())).toBe(false);
  });
});
