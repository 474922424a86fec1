import { vi } from "vitest";

/**
 * The request around the real session code (getViewer → requireMember → requireAdmin),
 * faked for tests that run it without Next's server. In the test file:
 *
 *   const session = vi.hoisted(() => ({ memberId: null as string | null }));
 *   vi.mock("next-auth", async (orig) => (await import("@/tests/support/fake-request")).fakeNextAuth(orig, session));
 *   vi.mock("next/headers", async () => (await import("@/tests/support/fake-request")).fakeHeaders());
 */
export type FakeSession = { memberId: string | null };

/** next-auth whose session cookie belongs to `session.memberId` (none when null). */
export async function fakeNextAuth(importOriginal: <M>() => Promise<M>, session: FakeSession) {
  return {
    ...(await importOriginal<typeof import("next-auth")>()),
    getServerSession: vi.fn(async () => (session.memberId ? { memberId: session.memberId } : null)),
  };
}

/**
 * Next's header and cookie stores: the given request headers, and a session cookie whose
 * content does not matter (the faked getServerSession above decides who it belongs to).
 */
export function fakeHeaders(init?: HeadersInit) {
  const session = (name: string) => (/session-token$/.test(name) ? { name, value: "faked" } : undefined);
  return {
    cookies: async () => ({ get: session, getAll: () => [], set: () => {}, delete: () => {} }),
    headers: async () => new Headers(init),
  };
}
