import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { problem } from "@/lib/server/api/problem";
import { requestOrigin } from "@/lib/security/request-origin";
import { proxy } from "@/proxy";

/**
 * The edge (proxy.ts) called in-process: broken percent-encoding, page writes from other
 * sites, forwarded headers without a trusted proxy, and the /api headers. The same rules are
 * attacked over HTTP against the built app in tests/e2e/security.spec.ts.
 */
const ORIGIN = "http://localhost:3100";
let warnings: string[] = [];

beforeEach(() => {
  warnings = [];
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.join(" ")));
  vi.stubEnv("NEXTAUTH_URL", ORIGIN);
  vi.stubEnv("RAPPORT_TRUSTED_PROXY_HOPS", "");
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function call(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers: { host: "localhost:3100", ...init.headers } }));
}
const passedOn = (res: Response) => res.headers.get("x-middleware-next") === "1";

describe("broken percent-encoding in the path", () => {
  const BROKEN = ["%ud800", "%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "%00"];

  it.each(BROKEN)("under /api: 400 problem+json for …/%s, like the API's own", async (bad) => {
    const res = call(`/api/v1/posts/${bad}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const body = await res.json();
    const detail = body.detail as string;
    const own = await problem("validation", { detail, errors: [{ field: "path", message: detail }] }).json();
    expect(body).toEqual(own);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`/api/v1/posts/${bad}`);
  });

  it.each(BROKEN)("on a page: a small 400 page for /u/%s, with the page headers", async (bad) => {
    const res = call(`/u/${bad}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("That address doesn't look right");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(warnings).toHaveLength(1);
  });

  it("logs one bounded line however long the path", () => {
    call(`/api/v1/posts/${"%zz".repeat(5000)}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].length).toBeLessThan(250);
  });

  it("passes well-encoded paths on", () => {
    expect(passedOn(call("/u/%C3%A9mile"))).toBe(true);
    expect(passedOn(call("/api/v1/members/%C3%A9mile"))).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe("page writes (server actions, form posts)", () => {
  const action = (headers: Record<string, string>, method = "POST") => call("/feed", { method, headers: { "next-action": "7f00", ...headers } });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["another site's Origin claiming same-origin fetch", { origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
    ["Origin: null", { origin: "null" }],
    ["no Origin and no Sec-Fetch-Site", {}],
    ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["a forwarded host naming the attacker, with no proxy configured", { origin: "https://evil.example", "x-forwarded-host": "evil.example" }],
  ])("%s → 403", async (_name, headers) => {
    const res = action(headers);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("came from somewhere else");
    expect(warnings).toHaveLength(1);
  });

  it.each(["PUT", "PATCH", "DELETE"])("%s from another site → 403 too", (method) => {
    expect(action({ origin: "https://evil.example" }, method).status).toBe(403);
  });

  it.each([
    ["our own Origin", { origin: ORIGIN }],
    ["no Origin but Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
  ])("%s → passed on", (_name, headers) => {
    expect(passedOn(action(headers))).toBe(true);
  });

  it("reads stay open to everyone (links from other sites)", () => {
    expect(passedOn(call("/feed", { headers: { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" } }))).toBe(true);
  });

  it("behind a configured proxy, its X-Forwarded-Host is the public host", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("RAPPORT_TRUSTED_PROXY_HOPS", "1");
    const headers = { host: "10.0.0.5:3000", "x-forwarded-host": "rapport.example", "x-forwarded-proto": "https" };
    expect(passedOn(action({ ...headers, origin: "https://rapport.example" }))).toBe(true);
    expect(action({ ...headers, origin: "https://evil.example" }).status).toBe(403);
    // What the client wrote before the proxy's own entry counts for nothing.
    expect(action({ ...headers, "x-forwarded-host": "evil.example, rapport.example", origin: "https://evil.example" }).status).toBe(403);
  });

  it("without a configured proxy, X-Forwarded-Host cannot make a foreign Origin ours", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    expect(action({ host: "rapport.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" }).status).toBe(403);
    expect(passedOn(action({ host: "rapport.example", "x-forwarded-host": "evil.example", origin: "http://rapport.example" }))).toBe(true);
  });

  it("leaves /api writes to the route (bearer tokens need no Origin)", () => {
    expect(passedOn(call("/api/v1/posts", { method: "POST", headers: { authorization: "Bearer rpt_x" } }))).toBe(true);
    expect(passedOn(call("/api/auth/callback/credentials", { method: "POST" }))).toBe(true);
  });
});

describe("the request's public origin", () => {
  it("downstream code sees the forwarded headers the edge decided, not the client's", () => {
    for (const path of ["/feed", "/api/auth/signin"]) {
      const res = call(path, { headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
      expect(res.headers.get("x-middleware-request-x-forwarded-host")).toBe("localhost:3100");
      expect(res.headers.get("x-middleware-request-x-forwarded-proto")).toBe("http");
    }
    vi.stubEnv("RAPPORT_TRUSTED_PROXY_HOPS", "1");
    const res = call("/feed", { headers: { "x-forwarded-host": "evil.example, rapport.example", "x-forwarded-proto": "https" } });
    expect(res.headers.get("x-middleware-request-x-forwarded-host")).toBe("rapport.example");
    expect(res.headers.get("x-middleware-request-x-forwarded-proto")).toBe("https");
  });

  const facts = (headers: Record<string, string>, hops: number) => ({ url: "http://10.0.0.5:3000/feed", headers: new Headers(headers), hops });

  it("ignores X-Forwarded-Host and -Proto without a trusted proxy", () => {
    expect(requestOrigin(facts({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, 0))).toBe("http://10.0.0.5:3000");
    // Next.js already turned the URL's scheme into https because of the client's header.
    const claimed = { url: "https://10.0.0.5:3000/feed", headers: new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https" }), hops: 0 };
    expect(requestOrigin(claimed)).toBe("http://10.0.0.5:3000");
    // With no such header an https URL is the connection's own (Next.js serving TLS itself).
    expect(requestOrigin({ ...claimed, headers: new Headers({ host: "10.0.0.5:3000" }) })).toBe("https://10.0.0.5:3000");
  });

  it("takes the trusted proxy's entry, not the client's, behind one", () => {
    const h = { host: "10.0.0.5:3000", "x-forwarded-host": "evil.example, rapport.example", "x-forwarded-proto": "http, https" };
    expect(requestOrigin(facts(h, 1))).toBe("https://rapport.example");
    expect(requestOrigin(facts(h, 2))).toBe("http://evil.example");
  });
});

describe("security headers on /api", () => {
  it("every /api response carries them; HSTS in production over https", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://rapport.example");
    for (const path of ["/api/v1/me", "/api/health", "/api/auth/session", "/api/v1/openapi.json"]) {
      const res = call(path);
      expect(passedOn(res)).toBe(true);
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      // No nonce work for JSON.
      expect(res.headers.get("x-middleware-request-x-nonce")).toBeNull();
    }
  });
});
