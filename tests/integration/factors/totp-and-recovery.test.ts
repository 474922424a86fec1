import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { issuePendingToken } from "@/lib/server/auth/pending-sign-in";
import { authOptions } from "@/lib/server/auth/options";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/server/services/factors/totp";
import { completeSecondStep, SECOND_STEP_MAX } from "@/lib/server/services/factors/second-step";
import { generateRecoveryCodes } from "@/lib/server/services/factors/recovery-codes";
import { removeFactor } from "@/lib/server/services/factors/remove-factor";
import { endAllSessions } from "@/lib/server/services/accounts/end-sessions";
import { listFactors } from "@/lib/server/queries/factors";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { post } from "@/tests/integration/api/http";

const t = useTestDatabase();
const IP = "198.51.100.31";
const NOW = new Date("2026-12-11T10:00:00Z");
const at = (s: number) => new Date(NOW.getTime() + s * 1000);
/** What the member's phone shows at `when`: the library itself makes the codes. */
const codeAt = (secret: string, when: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: when.getTime() });

async function withApp() {
  const member = await createMember();
  const { secret, uri } = await startTotpEnrolment(t.db, { memberId: member.id, now: NOW });
  const { recoveryCodes } = await confirmTotpEnrolment(t.db, { memberId: member.id, code: codeAt(secret, NOW), password: KNOWN_PASSWORD, ip: IP, now: NOW });
  return { member, secret, uri, recoveryCodes: recoveryCodes! };
}

const pending = (memberId: string, now = NOW, sessionVersion = 0) => issuePendingToken({ memberId, sessionVersion, now });
const reasons = async (memberId: string) => (await t.db.auditEvent.findMany({ where: { actorId: memberId, action: "factor.refused" }, orderBy: { createdAt: "asc" } })).flatMap((r) => (r.data as { reasons: string[] }).reasons); // one row per window (factors/refuse.ts)

describe("authenticator app (TOTP)", () => {
  it("enrols with a QR URI and a confirming code; the secret is sealed, never stored in the clear", async () => {
    const { member, secret, uri, recoveryCodes } = await withApp();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Rapport:.+\?.*secret=/);
    const row = await t.db.totpFactor.findUniqueOrThrow({ where: { memberId: member.id } });
    expect(row.confirmedAt).toEqual(NOW);
    expect(row.secretSealed).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect((await listFactors(t.db, { memberId: member.id })).totp).toMatchObject({ confirmedAt: NOW });
    expect(await t.db.auditEvent.count({ where: { actorId: member.id, action: "factor.totp_enabled" } })).toBe(1);
  });

  it("refuses to confirm with a wrong code or a wrong password, and is then not a factor", async () => {
    const member = await createMember();
    const { secret } = await startTotpEnrolment(t.db, { memberId: member.id, now: NOW });
    await expect(confirmTotpEnrolment(t.db, { memberId: member.id, code: "000000", password: KNOWN_PASSWORD, ip: IP, now: NOW })).rejects.toMatchObject({ code: "validation" });
    await expect(confirmTotpEnrolment(t.db, { memberId: member.id, code: codeAt(secret, NOW), password: "not my password", ip: IP, now: NOW })).rejects.toMatchObject({
      code: "validation",
      fields: { password: expect.any(Array) },
    });
    expect((await listFactors(t.db, { memberId: member.id })).totp).toBeNull();
  });

  it("second step: the next code signs in; the same code again (same window) is refused and audited", async () => {
    const { member, secret } = await withApp();
    const when = at(60);
    const code = codeAt(secret, when);
    expect(await completeSecondStep(t.db, { pendingToken: pending(member.id, when), input: { method: "totp", code }, now: when })).toMatchObject({ ok: true, memberId: member.id });
    const again = await completeSecondStep(t.db, { pendingToken: pending(member.id, when), input: { method: "totp", code }, now: at(65) });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.message).toMatch(/already used/);
    expect(await reasons(member.id)).toEqual(["code_reused"]);
    // an earlier step's code, still inside the ±1 window, is refused too: steps only move forward
    const older = codeAt(secret, at(30));
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, when), input: { method: "totp", code: older }, now: at(65) })).ok).toBe(false);
    // the next step's code works
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, at(90)), input: { method: "totp", code: codeAt(secret, at(90)) }, now: at(90) })).ok).toBe(true);
  });

  it("second step: refuses a wrong code, no pending token, a forged or expired one, and one from before 'sign out everywhere'", async () => {
    const { member, secret } = await withApp();
    const when = at(60);
    const code = codeAt(secret, when);
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, when), input: { method: "totp", code: "123456" === code ? "654321" : "123456" }, now: when })).ok).toBe(false);
    expect((await completeSecondStep(t.db, { pendingToken: undefined, input: { method: "totp", code }, now: when })).ok).toBe(false);
    const token = pending(member.id, when);
    const [payload, sig] = token.split(".");
    const other = await createMember();
    const forged = `${Buffer.from(JSON.stringify({ m: other.id, v: 0, e: when.getTime() + 60_000 })).toString("base64url")}.${sig}`;
    expect(payload).not.toBe(forged.split(".")[0]);
    expect((await completeSecondStep(t.db, { pendingToken: forged, input: { method: "totp", code }, now: when })).ok).toBe(false);
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, NOW), input: { method: "totp", code }, now: at(5 * 60 + 1) })).ok).toBe(false);
    await t.db.$transaction((tx) => endAllSessions(tx, member.id));
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, when, 0), input: { method: "totp", code }, now: when })).ok).toBe(false);
    expect((await completeSecondStep(t.db, { pendingToken: pending(member.id, when, 1), input: { method: "totp", code }, now: when })).ok).toBe(true);
    expect(await reasons(member.id)).toEqual(["wrong_code"]);
  });

  it("second step: wrong codes are throttled per member", async () => {
    const { member, secret } = await withApp();
    for (let i = 0; i < SECOND_STEP_MAX; i++) {
      const r = await completeSecondStep(t.db, { pendingToken: pending(member.id), input: { method: "totp", code: "000000" }, now: NOW });
      expect(!r.ok && r.error.code).toBe("validation");
    }
    const right = await completeSecondStep(t.db, { pendingToken: pending(member.id, at(30)), input: { method: "totp", code: codeAt(secret, at(30)) }, now: at(30) });
    expect(!right.ok && right.error.code).toBe("rate_limited");
  });
});

describe("recovery codes", () => {
  it("ten codes, stored hashed; each signs in once; a used one is refused and audited", async () => {
    const { member, recoveryCodes } = await withApp();
    const rows = await t.db.recoveryCode.findMany({ where: { memberId: member.id } });
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash) && !recoveryCodes.some((c) => r.codeHash.includes(c.replace(/-/g, ""))))).toBe(true);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);

    const first = await completeSecondStep(t.db, { pendingToken: pending(member.id), input: { method: "recovery", code: recoveryCodes[0].toUpperCase() }, now: NOW });
    expect(first).toMatchObject({ ok: true, recoveryCodesLeft: 9 });
    const twice = await completeSecondStep(t.db, { pendingToken: pending(member.id), input: { method: "recovery", code: recoveryCodes[0] }, now: NOW });
    expect(!twice.ok && twice.error.message).toMatch(/already used/);
    expect(await reasons(member.id)).toEqual(["unknown_or_used"]);
    expect((await listFactors(t.db, { memberId: member.id })).recoveryCodes).toMatchObject({ left: 9, total: 10, lastUsedAt: NOW });
  });

  it("another member's code does not work; regenerating (with the password) voids the old ones", async () => {
    const a = await withApp();
    const b = await withApp();
    expect((await completeSecondStep(t.db, { pendingToken: pending(b.member.id), input: { method: "recovery", code: a.recoveryCodes[1] }, now: NOW })).ok).toBe(false);
    await expect(generateRecoveryCodes(t.db, { memberId: a.member.id, password: "wrong password!", ip: IP, now: NOW })).rejects.toMatchObject({ code: "validation" });
    const fresh = await generateRecoveryCodes(t.db, { memberId: a.member.id, password: KNOWN_PASSWORD, ip: IP, now: NOW });
    expect(fresh).toHaveLength(10);
    expect((await completeSecondStep(t.db, { pendingToken: pending(a.member.id), input: { method: "recovery", code: a.recoveryCodes[1] }, now: NOW })).ok).toBe(false);
    expect((await completeSecondStep(t.db, { pendingToken: pending(a.member.id), input: { method: "recovery", code: fresh[1] }, now: NOW })).ok).toBe(true);
  });

  it("are not made for a member without a factor", async () => {
    const m = await createMember();
    await expect(generateRecoveryCodes(t.db, { memberId: m.id, password: KNOWN_PASSWORD, ip: IP, now: NOW })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("removing a factor", () => {
  it("needs the right password; removing the last factor takes the recovery codes with it", async () => {
    const { member } = await withApp();
    await expect(removeFactor(t.db, { memberId: member.id, input: { factor: "totp", password: "" }, ip: IP, now: NOW })).rejects.toMatchObject({ fields: { password: expect.any(Array) } });
    await expect(removeFactor(t.db, { memberId: member.id, input: { factor: "totp", password: "wrong password!" }, ip: IP, now: NOW })).rejects.toMatchObject({ code: "validation" });
    expect((await listFactors(t.db, { memberId: member.id })).totp).not.toBeNull();
    await removeFactor(t.db, { memberId: member.id, input: { factor: "totp", password: KNOWN_PASSWORD }, ip: IP, now: NOW });
    const left = await listFactors(t.db, { memberId: member.id });
    expect(left.totp).toBeNull();
    expect(left.recoveryCodes.total).toBe(0);
    expect(await t.db.auditEvent.count({ where: { actorId: member.id, action: "factor.totp_removed" } })).toBe(1);
  });

  it("cannot remove another member's passkey", async () => {
    const a = await createMember();
    const b = await createMember();
    await t.db.passkey.create({ data: { id: "cred-b", memberId: b.id, publicKey: Buffer.from([1]), name: "B's key", createdAt: NOW } });
    await expect(removeFactor(t.db, { memberId: a.id, input: { factor: "passkey", id: "cred-b", password: KNOWN_PASSWORD }, ip: IP, now: NOW })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.passkey.count({ where: { id: "cred-b" } })).toBe(1);
  });
});

describe("a password alone is not enough once a factor is on", () => {
  it("the next-auth credentials callback refuses it, and so does POST /api/v1/tokens", async () => {
    const { member } = await withApp();
    const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    expect(await provider.options.authorize({ email: member.email, password: KNOWN_PASSWORD }, { headers: {} })).toBeNull();
    const plain = await createMember();
    expect(await provider.options.authorize({ email: plain.email, password: KNOWN_PASSWORD }, { headers: {} })).toEqual({ id: plain.id });

    const res = await post("/api/v1/tokens", { email: member.email, password: KNOWN_PASSWORD, name: "script" });
    expect(res.status).toBe(403);
    expect(await t.db.apiToken.count({ where: { memberId: member.id } })).toBe(0);
  });
});
