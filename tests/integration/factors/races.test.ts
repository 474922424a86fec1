import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { issuePendingToken } from "@/lib/server/auth/pending-sign-in";
import { startPasskeyRegistration, finishPasskeyRegistration } from "@/lib/server/services/factors/register-passkey";
import { startPasskeySignIn, finishPasskeySignIn } from "@/lib/server/services/factors/passkey-sign-in";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/factors/totp";
import { completeSecondStep, SECOND_STEP_MAX } from "@/lib/server/services/factors/second-step";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { SoftAuthenticator } from "@/tests/support/soft-authenticator";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";

// Single use under concurrency needs a real server (PGlite is one connection): the same
// response or code sent ten times at once is accepted once.
const t = useTestDatabase();
const rp = { name: "Rapport", id: "rapport.test", origin: "https://rapport.test" };
const NOW = new Date("2026-12-11T10:00:00Z");
const IP = "198.51.100.41";
const N = 10;
if (N > SECOND_STEP_MAX) throw new Error("N must stay within the second-step throttle");
const oks = (rs: { ok: boolean }[]) => rs.filter((r) => r.ok).length;
/** Refusals at once still add up in one audit row per member (factors/refuse.ts). */
async function refused(memberId: string) {
  const rows = await t.db.auditEvent.findMany({ where: { actorId: memberId, action: "factor.refused" }, select: { data: true } });
  return { rows: rows.length, count: rows.reduce((n, r) => n + (r.data as { count: number }).count, 0) };
}

describe.skipIf(!serverUrl())("second factors, sent many times at once (PostgreSQL)", () => {
  it("one passkey response: one sign-in", async () => {
    const member = await createMember();
    const a = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
    const reg = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
    await finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "Key", password: KNOWN_PASSWORD, response: a.register(reg) }, rp, ip: IP, now: NOW });
    const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
    const response = a.assert(options);
    const results = await Promise.all(Array.from({ length: N }, () => finishPasskeySignIn(t.db, { input: response, rp, ip: "203.0.113.9", now: NOW })));
    expect(oks(results)).toBe(1);
    expect(await refused(member.id)).toEqual({ rows: 1, count: N - 1 });
  });

  it("two fresh assertions from a cloned key with the same counter: one sign-in", async () => {
    const member = await createMember();
    const a = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
    const reg = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
    await finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "Key", password: KNOWN_PASSWORD, response: a.register(reg) }, rp, ip: IP, now: NOW });
    const [o1, o2] = await Promise.all([startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW }), startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW })]);
    const results = await Promise.all([a.assert(o1, { counter: 7 }), a.assert(o2, { counter: 7 })].map((input) => finishPasskeySignIn(t.db, { input, rp, ip: "203.0.113.9", now: NOW })));
    expect(oks(results)).toBe(1);
  });

  async function withApp() {
    const member = await createMember();
    const { secret } = await startTotpEnrolment(t.db, { memberId: member.id, now: NOW });
    const code = (at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
    const { recoveryCodes } = await confirmTotpEnrolment(t.db, { memberId: member.id, code: code(NOW), password: KNOWN_PASSWORD, ip: IP, now: NOW });
    const later = new Date(NOW.getTime() + 60_000);
    return { member, code, recoveryCodes: recoveryCodes!, later, pendingToken: issuePendingToken({ memberId: member.id, sessionVersion: 0, now: later }) };
  }

  // N is within the per-member throttle (SECOND_STEP_MAX), so only single use can refuse.
  it("one TOTP code: one sign-in", async () => {
    const { member, code, later, pendingToken } = await withApp();
    const results = await Promise.all(Array.from({ length: N }, () => completeSecondStep(t.db, { pendingToken, input: { method: "totp", code: code(later) }, now: later })));
    expect(oks(results)).toBe(1);
    expect(await refused(member.id)).toEqual({ rows: 1, count: N - 1 });
  });

  it("one recovery code: one sign-in", async () => {
    const { member, recoveryCodes, later, pendingToken } = await withApp();
    const results = await Promise.all(Array.from({ length: N }, () => completeSecondStep(t.db, { pendingToken, input: { method: "recovery", code: recoveryCodes[0] }, now: later })));
    expect(oks(results)).toBe(1);
    expect(await t.db.recoveryCode.count({ where: { memberId: member.id, usedAt: { not: null } } })).toBe(1);
  });
});
