/**
 * `next/headers` outside Next.js, for server actions and next-auth callbacks under test: fixed
 * request headers and a cookie jar the test can read. Use it from the test file:
 *   vi.mock("next/headers", async () => (await import("@/tests/support/next-headers-mock")).nextHeadersMock({ … }));
 * and `cookieJar.clear()` before each test.
 */
export const cookieJar = new Map<string, string>();

export function nextHeadersMock(requestHeaders: Record<string, string>) {
  return {
    headers: async () => new Headers(requestHeaders),
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
      getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string) => void cookieJar.set(name, value),
      delete: (name: string) => void cookieJar.delete(name),
    }),
  };
}
