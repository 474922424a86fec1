import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setClockForTests } from "@/lib/server/clock";
import { authSecret } from "@/lib/server/auth/secret";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { loadSessionViewer } from "@/lib/server/auth/viewer";
import { authOptions } from "@/lib/server/auth/options";
import { signOutEverywhere } from "@/lib/server/services/accounts/sign-out-everywhere";
import { endAllSessions } from "@/lib/server/services/accounts/end-sessions";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { get } from "@/tests/integration/api/http";

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

const t = useTestDatabase();
const NOW = new Date(Date.now() + 86_400_000);
beforeAll(() => setClockForTests(NOW));
afterAll(() => setClockForTests(undefined));

/** A browser's session cookie as next-auth or startSession would set it. */
async function cookieFor(memberId: string, sv?: number) {
  const token = await encode({ token: { sub: memberId, ...(sv === undefined ? {} : { sv }) }, secret: authSecret() });
  return `${sessionCookieName()}=${token}`;
}

describe("sessions that can end", () => {
  it("stamps the member's current version into the JWT at sign-in", async () => {
    const m = await createMember();
    await t.db.$transaction((tx) => endAllSessions(tx, m.id));
    await t.db.$transaction((tx) => endAllSessions(tx, m.id));
    const jwt = authOptions().callbacks!.jwt!;
    const token = await jwt({ token: {}, user: { id: m.id }, account: null, trigger: "signIn" } as Parameters<typeof jwt>[0]);
    expect(token).toMatchObject({ sub: m.id, sv: 2 });
    // later requests do not re-stamp it: an old cookie cannot catch up by itself
    expect(await jwt({ token: { sub: m.id, sv: 1 }, account: null } as unknown as Parameters<typeof jwt>[0])).toMatchObject({ sv: 1 });
  });

  it("signs out every older session, keeps the re-issued one, audits it, and leaves API tokens alone", async () => {
    const m = await createMember();
    const other = await createMember();
    const apiToken = await createToken(t.db, { memberId: m.id, input: { name: "script" }, now: NOW });
    const before = await cookieFor(m.id, 0);
    const legacy = await cookieFor(m.id); // issued before versions existed
    expect((await get("/api/v1/me", { cookie: before })).body.handle).toBe(m.handle);
    expect((await get("/api/v1/me", { cookie: legacy })).body.handle).toBe(m.handle);
    expect(await loadSessionViewer(m.id, 0, NOW)).not.toBeNull();

    const { sessionVersion } = await signOutEverywhere(t.db, { memberId: m.id, now: NOW });
    expect(sessionVersion).toBe(1);

    expect((await get("/api/v1/me", { cookie: before })).status).toBe(401);
    expect((await get("/api/v1/me", { cookie: legacy })).status).toBe(401);
    expect(await loadSessionViewer(m.id, 0, NOW)).toBeNull();
    expect(await loadSessionViewer(m.id, undefined, NOW)).toBeNull();
    expect((await get("/api/v1/me", { cookie: await cookieFor(m.id, sessionVersion) })).body.handle).toBe(m.handle);
    expect((await loadSessionViewer(m.id, 1, NOW))?.id).toBe(m.id);
    expect((await get("/api/v1/me", { token: apiToken.token })).status).toBe(200);

    // another member's sessions are untouched
    expect(await loadSessionViewer(other.id, 0, NOW)).not.toBeNull();
    const audit = await t.db.auditEvent.findMany({ where: { actorId: m.id, action: "account.sessions_ended" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subjectType: "member", subjectId: m.id });
  });

  it("endAllSessions counts up and returns the new version each time", async () => {
    const m = await createMember();
    expect(await t.db.$transaction((tx) => endAllSessions(tx, m.id))).toBe(1);
    expect(await t.db.$transaction((tx) => endAllSessions(tx, m.id))).toBe(2);
    expect((await t.db.member.findUniqueOrThrow({ where: { id: m.id } })).sessionVersion).toBe(2);
  });
});
