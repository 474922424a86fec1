import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/server/services/accounts/sign-up";
import { AppError } from "@/lib/server/errors";
import { PRESET_CRITERIA } from "@/lib/warmup/policy";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import type { TSignupInput } from "@/lib/validation/member";

const t = useTestDatabase();

// Each sign-up comes from its own address so the per-network limit never interferes.
let lastOctet = 0;
const nextIp = () => `198.51.100.${++lastOctet}`;

let seq = 0;
function validInput(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    email: `new${seq}@example.test`,
    password: "a long enough password",
    handle: `newcomer_${seq}`,
    name: `Newcomer ${seq}`,
    ...overrides,
  };
}

/** Runs a sign-up that must fail; returns its AppError and checks that nothing was stored. */
async function expectRefused(input: unknown): Promise<AppError> {
  const before = await counts();
  const error = await signUp(t.db, { input: input as TSignupInput, ip: nextIp(), now: new Date() }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "signUp should have thrown").toBeInstanceOf(AppError);
  expect(await counts()).toEqual(before);
  return error as AppError;
}

const counts = async () => ({
  members: await t.db.member.count(),
  policies: await t.db.policy.count(),
  audit: await t.db.auditEvent.count(),
});

describe("signUp", () => {
  it("creates the member with a default policy", async () => {
    const input = validInput({ email: "Ana.Lima@Example.test", handle: "Ana_Lima", name: "  Ana Lima " });
    const before = await t.db.member.count();

    const created = await signUp(t.db, { input, ip: nextIp(), now: new Date() });

    expect(await t.db.member.count()).toBe(before + 1);
    const member = await t.db.member.findUniqueOrThrow({ where: { id: created.id }, include: { policy: true } });
    expect(member).toMatchObject({ email: "ana.lima@example.test", handle: "ana_lima", name: "Ana Lima", role: "member" });
    expect(created).toMatchObject({ id: member.id, handle: "ana_lima", email: "ana.lima@example.test" });
    expect(member.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(member.passwordHash!, "a long enough password")).toBe(true);
    expect(member.policy).toMatchObject({ preset: "standard", ...PRESET_CRITERIA.standard });
  });

  it("refuses an email that is already registered, whatever its case", async () => {
    await createMember({ email: "taken@example.test" });
    const error = await expectRefused(validInput({ email: "Taken@Example.TEST" }));
    expect(error.code).toBe("already_exists");
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
  });

  it.each([
    ["the same handle", "ana", "ana"],
    ["the handle in another case", "ana", "Ana"],
  ])("refuses %s as a taken handle", async (_what, existing, attempt) => {
    await t.reset();
    await createMember({ handle: existing });
    const error = await expectRefused(validInput({ handle: attempt }));
    expect(error.code).toBe("already_exists");
    expect(Object.keys(error.fields ?? {})).toEqual(["handle"]);
    expect(error.fields?.handle?.[0]).toMatch(/handle is taken/i);
  });

  it.each([
    ["a password under 10 characters", { password: "9chars!!!" }, "password"],
    ["a handle with punctuation", { handle: "a!" }, "handle"],
    ["a handle under 3 characters", { handle: "ab" }, "handle"],
    ["a handle over 30 characters", { handle: "a".repeat(31) }, "handle"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an empty name", { name: "   " }, "name"],
  ])("refuses %s and names the field", async (_what, overrides, field) => {
    const error = await expectRefused(validInput(overrides));
    expect(error.code).toBe("validation");
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(error.fields?.[field]?.[0]).toEqual(expect.any(String));
  });

  it("accepts the limits: a 10-character password and 3- and 30-character handles", async () => {
    await expect(signUp(t.db, { input: validInput({ password: "x".repeat(10), handle: "abc" }), ip: nextIp(), now: new Date() })).resolves.toMatchObject({ handle: "abc" });
    await expect(signUp(t.db, { input: validInput({ handle: "b".repeat(30) }), ip: nextIp(), now: new Date() })).resolves.toMatchObject({ handle: "b".repeat(30) });
  });

  it("limits sign-ups from one network and stores nothing once the limit is reached", async () => {
    const ip = "203.0.113.7";
    const now = new Date();
    const max = Number(process.env.RAPPORT_SIGNUP_MAX_PER_IP || 10);
    await t.db.authAttempt.createMany({
      data: Array.from({ length: max }, () => ({ kind: "signup", key: ip, success: true, createdAt: new Date(now.getTime() - 60_000) })),
    });
    const before = await counts();
    const error = await signUp(t.db, { input: validInput(), ip, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("rate_limited");
    expect(await counts()).toEqual(before);
    // Another network is not affected.
    await expect(signUp(t.db, { input: validInput(), ip: nextIp(), now })).resolves.toBeDefined();
  });
});
