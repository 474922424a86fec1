import { describe, expect, it } from "vitest";
import { startPasskeyRegistration, finishPasskeyRegistration } from "@/lib/server/services/factors/register-passkey";
import { startPasskeySignIn, finishPasskeySignIn } from "@/lib/server/services/factors/passkey-sign-in";
import { createMember, KNOWN_PASSWORD } from "@/tests/factories/members";
import { SoftAuthenticator } from "@/tests/support/soft-authenticator";
import { useTestDatabase } from "@/tests/support/test-database";
import { AppError } from "@/lib/server/errors";

const t = useTestDatabase();
const rp = { name: "Rapport", id: "rapport.test", origin: "https://rapport.test" };
const NOW = new Date("2026-12-11T10:00:00Z");
const IP = "198.51.100.21";
const later = (ms: number) => new Date(NOW.getTime() + ms);

async function registered() {
  const member = await createMember();
  const authenticator = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
  const options = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
  const added = await finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "Laptop", password: KNOWN_PASSWORD, response: authenticator.register(options) }, rp, ip: IP, now: NOW });
  return { member, authenticator, added };
}

const refusals = (memberId: string | null) => t.db.auditEvent.findMany({ where: { action: "factor.refused", ...(memberId ? { actorId: memberId } : {}) }, orderBy: { createdAt: "asc" } });
/** Refusals are audited one row per member (or address) per window, listing the reasons (factors/refuse.ts). */
const refusalReasons = async (memberId: string | null) => (await refusals(memberId)).flatMap((r) => (r.data as { reasons: string[] }).reasons);

describe("passkeys", () => {
  it("registers a discoverable passkey, keeps its key, and audits it", async () => {
    const { member, authenticator, added } = await registered();
    expect(added).toMatchObject({ id: authenticator.id, name: "Laptop" });
    const row = await t.db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } });
    expect(row).toMatchObject({ memberId: member.id, counter: 0n, transports: ["internal"], lastUsedAt: null });
    expect(row.publicKey.length).toBeGreaterThan(60);
    expect(await t.db.auditEvent.count({ where: { action: "factor.passkey_added", subjectId: authenticator.id } })).toBe(1);
    // the challenge was used up
    expect(await t.db.webauthnChallenge.count({ where: { memberId: member.id } })).toBe(0);
  });

  it("signs in with the passkey alone, moves the counter and the last use", async () => {
    const { member, authenticator } = await registered();
    const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: later(1000) });
    expect(options.allowCredentials ?? []).toEqual([]); // discoverable: no email asked for, none revealed
    const result = await finishPasskeySignIn(t.db, { input: authenticator.assert(options), rp, ip: "203.0.113.9", now: later(2000) });
    expect(result).toMatchObject({ ok: true, memberId: member.id, sessionVersion: 0 });
    expect(await t.db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } })).toMatchObject({ counter: 1n, lastUsedAt: later(2000) });
  });

  it("refuses a replayed response (the challenge is single use) and audits it", async () => {
    const { member, authenticator } = await registered();
    const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
    const response = authenticator.assert(options);
    expect((await finishPasskeySignIn(t.db, { input: response, rp, ip: "203.0.113.9", now: NOW })).ok).toBe(true);
    const replay = await finishPasskeySignIn(t.db, { input: response, rp, ip: "203.0.113.9", now: NOW });
    expect(replay.ok).toBe(false);
    expect(!replay.ok && replay.error.code).toBe("unauthenticated");
    expect((await refusalReasons(member.id))).toEqual(["unknown_challenge"]);
  });

  it("refuses a challenge the server never issued, or one that expired", async () => {
    const { member, authenticator } = await registered();
    expect((await finishPasskeySignIn(t.db, { input: authenticator.assert({ challenge: "bWFkZS11cC1ieS10aGUtY2xpZW50" }), rp, ip: "203.0.113.9", now: NOW })).ok).toBe(false);
    const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
    expect((await finishPasskeySignIn(t.db, { input: authenticator.assert(options), rp, ip: "203.0.113.9", now: later(5 * 60_000 + 1) })).ok).toBe(false);
    expect(await refusalReasons(member.id)).toEqual(["unknown_challenge", "unknown_challenge"]);
  });

  it("refuses a forged signature, another origin, another RP ID, no user verification", async () => {
    const { member, authenticator } = await registered();
    const cases = [
      { forgeSignature: true },
      { origin: "https://evil.test" },
      { rpId: "evil.test" },
      { uv: false },
    ];
    for (const bend of cases) {
      const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
      const result = await finishPasskeySignIn(t.db, { input: authenticator.assert(options, bend), rp, ip: "203.0.113.9", now: NOW });
      expect(result.ok, JSON.stringify(bend)).toBe(false);
    }
    const reasons = (await refusalReasons(member.id));
    expect(reasons).toEqual(["bad_signature", "invalid_response", "invalid_response", "invalid_response"]);
    expect((await t.db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } })).lastUsedAt).toBeNull();
  });

  it("refuses a counter that went backwards (a cloned authenticator)", async () => {
    const { member, authenticator } = await registered();
    for (const counter of [5]) {
      const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
      expect((await finishPasskeySignIn(t.db, { input: authenticator.assert(options, { counter }), rp, ip: "203.0.113.9", now: NOW })).ok).toBe(true);
    }
    for (const counter of [5, 3]) {
      const options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
      expect((await finishPasskeySignIn(t.db, { input: authenticator.assert(options, { counter }), rp, ip: "203.0.113.9", now: NOW })).ok).toBe(false);
    }
    expect((await refusalReasons(member.id))).toEqual(["counter_regression", "counter_regression"]);
    expect((await t.db.passkey.findUniqueOrThrow({ where: { id: authenticator.id } })).counter).toBe(5n);
  });

  it("refuses an unknown credential and a user handle that names someone else", async () => {
    const { member, authenticator } = await registered();
    const stranger = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
    let options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.19", now: NOW });
    expect((await finishPasskeySignIn(t.db, { input: stranger.assert(options), rp, ip: "203.0.113.19", now: NOW })).ok).toBe(false);
    const other = await createMember();
    options = await startPasskeySignIn(t.db, { rp, ip: "203.0.113.9", now: NOW });
    const result = await finishPasskeySignIn(t.db, { input: authenticator.assert(options, { userHandle: Buffer.from(other.id).toString("base64url") }), rp, ip: "203.0.113.9", now: NOW });
    expect(result.ok).toBe(false);
    // no member known: the row is the address's; the handle mismatch is the passkey owner's
    const byAddress = await t.db.auditEvent.findFirstOrThrow({ where: { action: "factor.refused", subjectType: "client_address", subjectId: "203.0.113.19" } });
    expect(byAddress.data).toMatchObject({ reasons: ["unknown_credential"], credential: stranger.id });
    expect(await refusalReasons(member.id)).toEqual(["user_handle_mismatch"]);
  });

  it("registration: refuses a replayed or forged answer, and another member's challenge", async () => {
    const member = await createMember();
    const other = await createMember();
    const a = new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
    const options = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
    // another member cannot finish with a challenge issued to this one
    await expect(finishPasskeyRegistration(t.db, { memberId: other.id, input: { name: "x", password: KNOWN_PASSWORD, response: a.register(options) }, rp, ip: IP, now: NOW })).rejects.toBeInstanceOf(AppError);
    const fresh = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
    await expect(finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "x", password: KNOWN_PASSWORD, response: a.register(fresh, { origin: "https://evil.test" }) }, rp, ip: IP, now: NOW })).rejects.toMatchObject({ code: "validation" });
    const third = await startPasskeyRegistration(t.db, { memberId: member.id, rp, now: NOW });
    const good = a.register(third);
    await finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "Key", password: KNOWN_PASSWORD, response: good }, rp, ip: IP, now: NOW });
    await expect(finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "Key", password: KNOWN_PASSWORD, response: good }, rp, ip: IP, now: NOW })).rejects.toMatchObject({ code: "validation" });
    expect(await t.db.passkey.count({ where: { memberId: member.id } })).toBe(1);
    expect(await refusalReasons(member.id)).toEqual(["invalid_response", "unknown_challenge"]);
    expect(await refusalReasons(other.id)).toEqual(["unknown_challenge"]);
  });

  it("registration: bad input names the field and writes nothing", async () => {
    const member = await createMember();
    await expect(finishPasskeyRegistration(t.db, { memberId: member.id, input: { name: "", response: {} as never }, rp, ip: IP, now: NOW })).rejects.toMatchObject({
      code: "validation",
      fields: expect.objectContaining({ name: expect.any(Array) }),
    });
    expect(await t.db.passkey.count({ where: { memberId: member.id } })).toBe(0);
  });
});
