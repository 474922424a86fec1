import { beforeEach, describe, expect, it, vi } from "vitest";
import { createMember } from "@/tests/factories/members";
import { useTestDatabase } from "@/tests/support/test-database";
import { cookieJar } from "@/tests/support/next-headers-mock";

// next-auth's session lookup, counted: a signed-out request must not reach it. (Its own
// decryption is next-auth's and is exercised by the sign-in journeys; here it answers for the
// member the test says the cookie belongs to.)
const seen = vi.hoisted(() => ({ calls: 0, memberId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => {
    seen.calls++;
    return seen.memberId ? { memberId: seen.memberId, sessionVersion: 0 } : null;
  },
}));
vi.mock("next/headers", async () => (await import("@/tests/support/next-headers-mock")).nextHeadersMock({ host: "localhost:3000" }));

const t = useTestDatabase();

async function freshViewer() {
  // getViewer is cached per request (React cache()); outside a request every call reads afresh.
  const { getViewer } = await import("@/lib/server/auth/session");
  return getViewer();
}

describe("who is signed in, read from the session cookie", () => {
  beforeEach(async () => {
    await t.reset();
    cookieJar.clear();
    seen.calls = 0;
    seen.memberId = null;
  });

  it("answers signed out without running next-auth when there is no session cookie", async () => {
    cookieJar.set("some-other-cookie", "x");
    expect(await freshViewer()).toBeNull();
    expect(seen.calls).toBe(0);
  });

  it("still finds the member behind a session cookie, whole or chunked", async () => {
    const ana = await createMember({ name: "Ana Ferreira" });
    const { sessionCookieName } = await import("@/lib/server/auth/cookies");
    seen.memberId = ana.id;
    const token = "an-encrypted-session";
    cookieJar.set(sessionCookieName(), token);
    expect((await freshViewer())?.id).toBe(ana.id);
    expect(seen.calls).toBe(1);

    cookieJar.clear();
    cookieJar.set(`${sessionCookieName()}.0`, token);
    await freshViewer();
    expect(seen.calls).toBe(2); // a chunked cookie is passed on to next-auth, which joins the chunks
  });
});
