import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { buildContentSecurityPolicy, buildSecurityHeaders, newNonce, wantsHsts } from "@/lib/security/headers";
import { config, proxy } from "@/proxy";

/** The headers every page carries (proxy.ts → lib/security/headers.ts). */
afterEach(() => vi.unstubAllEnvs());

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("the header builder", () => {
  it("CSP: scripts only with this request's nonce, no inline script, no framing, no plugins", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "abc123", production: true, publicUrl: "https://rapport.example" }));
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp).toHaveProperty("upgrade-insecure-requests");
  });

  it("development allows eval (fast refresh) but still no inline script", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "n", production: false, publicUrl: "http://localhost:3000" }));
    expect(csp["script-src"]).toContain("'unsafe-eval'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp).not.toHaveProperty("upgrade-insecure-requests");
  });

  it.each([
    [true, "https://rapport.example", true],
    [true, "", true],
    [true, "http://localhost:3100", false],
    [false, "https://rapport.example", false],
    [false, "", false],
  ])("HSTS when production=%s and the public URL is %j: %s", (production, publicUrl, hsts) => {
    expect(wantsHsts({ production, publicUrl })).toBe(hsts);
    const headers = buildSecurityHeaders({ nonce: "n", production, publicUrl });
    expect("Strict-Transport-Security" in headers).toBe(hsts);
    if (hsts) expect(headers["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it("the rest of the set", () => {
    const h = buildSecurityHeaders({ nonce: "n", production: true, publicUrl: "https://rapport.example" });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });

  it("nonces are fresh and unguessable (128 bits)", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("proxy.ts on a page request", () => {
  const run = (path = "/feed") => proxy(new NextRequest(new URL(path, "http://localhost:3100")));

  it("sets the headers, with a different nonce on every request", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://rapport.example");
    const [a, b] = [run(), run()];
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(a.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("permissions-policy")).toContain("camera=()");
    expect(a.headers.get("strict-transport-security")).toMatch(/^max-age=/);
    // Next.js reads the nonce from the request's CSP to put it on its own scripts.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(a.headers.get("content-security-policy"));
  });

  it("no HSTS on a plain-http deployment", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3100");
    expect(run().headers.get("strict-transport-security")).toBeNull();
  });
});

describe("/api answers set their own security headers (the proxy skips most /api paths)", () => {
  const matcher = new RegExp(`^${config.matcher[0]}$`);

  it("the proxy's matcher skips /api/v1 and /api/health paths without a percent sign, and nothing else", () => {
    for (const path of ["/api/v1/me", "/api/v1/posts/abc/comments", "/api/health"]) expect(matcher.test(path), path).toBe(false);
    for (const path of ["/", "/feed", "/u/ana", "/api/v1/posts/%zz", "/api/v1/posts/%41", "/api/v1/me/%", "/api/auth/session", "/api/health/database", "/api/v1"]) {
      expect(matcher.test(path), path).toBe(true);
    }
    for (const path of ["/_next/static/chunk.js", "/favicon.ico"]) expect(matcher.test(path), path).toBe(false);
  });

  it.each([
    ["a route's success", async () => (await import("@/app/api/health/route")).GET()],
    ["the OpenAPI document", async () => (await import("@/app/api/v1/openapi.json/route")).GET()],
    ["an unknown API address", async () => (await import("@/app/api/v1/[...path]/route")).GET(new Request("http://localhost/api/v1/nope"))],
    ["an apiRoute problem (signed out)", async () => (await import("@/app/api/v1/me/route")).GET(new Request("http://localhost/api/v1/me"))],
  ])("%s", async (_name, call) => {
    const res = await call();
    expect(res.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBeTruthy();
  });
});
