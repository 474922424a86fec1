import { Secret, TOTP } from "otpauth";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The next-auth callback and the sign-in actions outside Next.js: a cookie jar the test can read.
vi.mock("next/headers", async () => (await import("@/tests/support/next-headers-mock")).nextHeadersMock({ "x-forwarded-for": "203.0.113.60" }));

import { authOptions } from "@/lib/server/auth/options";
import { pendingCookieName, readPendingToken } from "@/lib/server/auth/pending-sign-in";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { signInWithPassword } from "@/lib/server/services/accounts/sign-in";
import { signInWithOauth } from "@/lib/server/services/accounts/oauth-sign-in";
import { completeSecondStep } from "@/lib/server/services/factors/second-step";
import { finishPasskeySignIn, PASSKEY_CHALLENGES_PER_ADDRESS, startPasskeySignIn } from "@/lib/server/services/factors/passkey-sign-in";
import { REFUSAL_AUDIT_WINDOW_MINUTES } from "@/lib/server/services/factors/refuse";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/factors/totp";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { cookieJar as jar } from "@/tests/support/next-headers-mock";
import { useTestDatabase } from "@/tests/support/test-database";
import { post } from "@/tests/integration/api/http";
import { SoftAuthenticator } from "@/tests/support/soft-authenticator";

const t = useTestDatabase();
beforeEach(() => jar.clear());
const IP = "198.51.100.61";
const NOW = new Date();
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
const rp = { name: "Rapport", id: "localhost", origin: "http://localhost:3000" };
const codeAt = (secret: string, when: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: when.getTime() });

async function turnOnApp(memberId: string, password: string | undefined = KNOWN_PASSWORD) {
  const { secret } = await startTotpEnrolment(t.db, { memberId, now: at(-300) });
  await confirmTotpEnrolment(t.db, { memberId, code: codeAt(secret, at(-300)), password, ip: IP, now: at(-300) });
  return secret;
}
const askToDelete = (memberId: string) => t.db.member.update({ where: { id: memberId }, data: { deletionRequestedAt: at(-3600), deleteAt: at(14 * 86_400) } });
const deleteAt = async (memberId: string) => (await t.db.member.findUniqueOrThrow({ where: { id: memberId }, select: { deleteAt: true } })).deleteAt;

describe("a pending deletion is kept only by a complete sign-in", () => {
  it("with a factor on, the right password alone (web or POST /api/v1/tokens) leaves the deletion; the second step cancels it", async () => {
    const member = await createMember();
    const secret = await turnOnApp(member.id);
    await askToDelete(member.id);

    const signIn = await signInWithPassword(t.db, { input: { email: member.email, password: KNOWN_PASSWORD }, ip: IP, now: at(0) });
    expect(signIn).toMatchObject({ ok: true, deletionCancelled: false });
    expect(await post("/api/v1/tokens", { email: member.email, password: KNOWN_PASSWORD, name: "script" }).then((r) => r.status)).toBe(403);
    expect(await deleteAt(member.id)).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "account.deletion_cancelled", actorId: member.id } })).toBe(0);

    const pendingToken = jar.get(pendingCookieName()) ?? (await import("@/lib/server/auth/pending-sign-in")).issuePendingToken({ memberId: member.id, sessionVersion: 0, now: at(0) });
    const done = await completeSecondStep(t.db, { pendingToken, input: { method: "totp", code: codeAt(secret, at(30)) }, now: at(30) });
    expect(done).toMatchObject({ ok: true, deletionCancelled: true });
    expect(await deleteAt(member.id)).toBeNull();
  });

  it("an account already being erased is refused at the second step", async () => {
    const member = await createMember();
    const secret = await turnOnApp(member.id);
    await t.db.member.update({ where: { id: member.id }, data: { deletionRequestedAt: at(-30 * 86_400), deleteAt: at(-60) } });
    const signIn = await signInWithPassword(t.db, { input: { email: member.email, password: KNOWN_PASSWORD }, ip: IP, now: at(0) });
    expect(signIn.ok).toBe(true);
    const { issuePendingToken } = await import("@/lib/server/auth/pending-sign-in");
    const done = await completeSecondStep(t.db, { pendingToken: issuePendingToken({ memberId: member.id, sessionVersion: 0, now: at(0) }), input: { method: "totp", code: codeAt(secret, at(30)) }, now: at(30) });
    expect(done.ok).toBe(false);
    expect(!done.ok && done.error.message).toMatch(/deleted/);
  });
});

describe("OAuth sign-in with a second factor on", () => {
  const signInCallback = () => authOptions().callbacks!.signIn!;
  const oauth = (providerAccountId: string, email: string) => ({
    user: { id: providerAccountId, email, name: "O" },
    account: { provider: "github", providerAccountId, type: "oauth" as const },
    profile: { email },
  });

  it("makes no session: it sends the browser to the second step with a pending cookie, and leaves a pending deletion", async () => {
    const memberId = (await signInWithOauth(t.db, { provider: "github", providerAccountId: "gh-2fa", email: "oauth-2fa@example.test", name: "O", emailVerified: true, now: at(-600) }))!;
    await turnOnApp(memberId, undefined); // an OAuth-only member: no password to confirm
    await askToDelete(memberId);

    const params = oauth("gh-2fa", "oauth-2fa@example.test");
    const result = await signInCallback()(params as never);
    expect(result).toBe("/signin/second-factor");
    expect(params.user.id).not.toBe(memberId); // the jwt callback is never handed this member
    expect(jar.has(sessionCookieName())).toBe(false);
    expect(readPendingToken(jar.get(pendingCookieName()), new Date())).toMatchObject({ memberId, sessionVersion: 0 });
    expect(await deleteAt(memberId)).not.toBeNull();
  });

  it("without a factor: signs in as before", async () => {
    const memberId = (await signInWithOauth(t.db, { provider: "github", providerAccountId: "gh-plain", email: "oauth-plain@example.test", name: "O", emailVerified: true, now: at(-600) }))!;
    const params = oauth("gh-plain", "oauth-plain@example.test");
    expect(await signInCallback()(params as never)).toBe(true);
    expect(params.user.id).toBe(memberId);
    expect(jar.has(pendingCookieName())).toBe(false);
  });
});

describe("passkey sign-in: what anyone can make us store or write is bounded", () => {
  it("challenges are capped per client address", async () => {
    for (let i = 0; i < PASSKEY_CHALLENGES_PER_ADDRESS; i++) await startPasskeySignIn(t.db, { rp, ip: "203.0.113.70", now: NOW });
    await expect(startPasskeySignIn(t.db, { rp, ip: "203.0.113.70", now: NOW })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await t.db.webauthnChallenge.count({ where: { purpose: "signin" } })).toBe(PASSKEY_CHALLENGES_PER_ADDRESS);
    // another address is not affected, and the window passes
    await expect(startPasskeySignIn(t.db, { rp, ip: "203.0.113.71", now: NOW })).resolves.toMatchObject({ challenge: expect.any(String) });
    await expect(startPasskeySignIn(t.db, { rp, ip: "203.0.113.70", now: at(16 * 60) })).resolves.toMatchObject({ challenge: expect.any(String) });
  });

  it("refused responses write one audit row per address (or member) per window, with a count", async () => {
    const stranger = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
    const N = 25;
    for (let i = 0; i < N; i++) {
      const forged = stranger.assert({ challenge: Buffer.from(`made-up-${i}`).toString("base64url") });
      expect((await finishPasskeySignIn(t.db, { input: { ...forged, id: `${forged.id}${i}`, rawId: `${forged.rawId}${i}` }, rp, ip: "203.0.113.80", now: at(i) })).ok).toBe(false);
    }
    const rows = await t.db.auditEvent.findMany({ where: { action: "factor.refused" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, subjectType: "client_address", subjectId: "203.0.113.80" });
    expect(rows[0].data).toMatchObject({ count: N, reason: "unknown_challenge" });
    expect((rows[0].data as { reasons: string[] }).reasons.length).toBeLessThanOrEqual(20);

    // a new window starts a new row
    await finishPasskeySignIn(t.db, { input: stranger.assert({ challenge: "bm9wZQ" }), rp, ip: "203.0.113.80", now: at(REFUSAL_AUDIT_WINDOW_MINUTES * 60 + 60) });
    expect(await t.db.auditEvent.count({ where: { action: "factor.refused" } })).toBe(2);
  });

  it("wrong codes at the second step add to one row for the member", async () => {
    const member = await createMember();
    const secret = await turnOnApp(member.id);
    const { issuePendingToken } = await import("@/lib/server/auth/pending-sign-in");
    const pendingToken = issuePendingToken({ memberId: member.id, sessionVersion: 0, now: at(0) });
    const wrong = codeAt(secret, at(0)) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) expect((await completeSecondStep(t.db, { pendingToken, input: { method: "totp", code: wrong }, now: at(i) })).ok).toBe(false);
    const rows = await t.db.auditEvent.findMany({ where: { action: "factor.refused", actorId: member.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].data).toMatchObject({ count: 5, factor: "totp", reason: "wrong_code" });
  });
});
