import fc from "fast-check";
import { expect, test, type Page, type Response } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support/accounts";
import { API_PATTERNS, PAGE_PATTERNS, fill } from "./support/route-patterns";

/**
 * Stored text is rendered inert, and every page carries the security headers. A member stores
 * script in every place they can write (posts, headline, bio, links); another member — the
 * demo seed's Ana — then reads the feed, the post and the profile in a real browser. Nothing
 * may run, and no executable markup may reach the DOM.
 */
const ANA = { email: "ana@demo.rapport.test", password: "rapport-demo-2026" };

const PAYLOADS = {
  script: "<script>window.__pwned=1</script>",
  img: '<img src=x onerror="window.__pwned=1">',
  jsLink: "javascript:alert(1)",
  svg: "<svg onload=\"window.__pwned=1\"></svg>",
  attr: '"><a href="javascript:window.__pwned=1">click</a>',
};

/** Everything a page could have done with the payloads. */
async function expectInert(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${where}: a payload ran`).toBeUndefined();
  // Next.js streams the page's data in its own nonce'd scripts (self.__next_f.push("…")),
  // where the posts' text appears as escaped string data. What must never exist is a script
  // element made from a payload: one whose code is the payload itself.
  expect(
    await page.evaluate(() => [...document.scripts].some((s) => (s.textContent ?? "").trim().startsWith("window.__pwned"))),
    `${where}: a <script> made from the payload is in the DOM`,
  ).toBe(false);
  expect(
    await page.evaluate(() => [...document.scripts].some((s) => /<\/script>/i.test(s.textContent ?? ""))),
    `${where}: a payload closed a script element`,
  ).toBe(false);
  expect(await page.locator("[onerror], [onload], [onclick], [onmouseover]").count(), `${where}: an inline event handler`).toBe(0);
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i], [src^="javascript:" i]').count(), `${where}: a script URL`).toBe(0);
  expect(await page.locator("svg[onload], img[src='x']").count(), `${where}: injected markup`).toBe(0);
}

function cspOf(res: Response | null): string {
  const csp = res?.headers()["content-security-policy"];
  expect(csp, "the page has a Content-Security-Policy").toBeTruthy();
  return csp!;
}

test("script stored in posts and profiles never runs for another member", async ({ browser }) => {
  const author = newAccount("xss");
  const authorPage = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  const stamp = Date.now().toString(36);
  let postHref = "";

  await test.step("an author stores script everywhere they can write", async () => {
    await signUp(authorPage, author);
    await authorPage.goto("/feed");
    for (const [name, payload] of Object.entries(PAYLOADS)) {
      await authorPage.getByLabel("Write a post").fill(`${name} ${stamp} ${payload} see ${PAYLOADS.jsLink} and https://example.com/${stamp}`);
      await authorPage.getByRole("button", { name: "Post", exact: true }).click();
      await expect(authorPage.locator("article", { hasText: `${name} ${stamp}` }).first()).toBeVisible();
    }
    postHref = (await authorPage.locator("article", { hasText: `script ${stamp}` }).first().locator('a[href^="/feed/p/"]').first().getAttribute("href")) ?? "";
    expect(postHref).toMatch(/^\/feed\/p\//);

    await authorPage.goto("/settings/account");
    await authorPage.getByLabel("Headline", { exact: true }).fill(PAYLOADS.img);
    await authorPage.getByLabel("Bio", { exact: true }).fill(`${PAYLOADS.script} ${PAYLOADS.svg} ${PAYLOADS.attr}`);
    // A javascript: link is refused with a message naming the field…
    await authorPage.getByLabel("Website", { exact: true }).fill(PAYLOADS.jsLink);
    await authorPage.getByRole("button", { name: "Save profile" }).click();
    await expect(authorPage.getByText(/website link must start with http:\/\/ or https:\/\//i)).toBeVisible();
    // …an http(s) one is fine.
    await authorPage.getByLabel("Website", { exact: true }).fill(`https://example.com/${stamp}`);
    await authorPage.getByRole("button", { name: "Save profile" }).click();
    await expect(authorPage.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
    await expectInert(authorPage, "the author's own settings");
  });

  const reader = await (await browser.newContext()).newPage();
  reader.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await test.step("another member reads the feed", async () => {
    await signIn(reader, ANA.email, ANA.password);
    await expect(reader).toHaveURL("/");
    await reader.goto("/feed");
    for (const name of Object.keys(PAYLOADS)) await expect(reader.locator("article", { hasText: `${name} ${stamp}` }).first()).toBeVisible();
    // The payloads are shown as the text they are.
    await expect(reader.getByText(PAYLOADS.script, { exact: false }).first()).toBeVisible();
    // Only the real web address became a link.
    await expect(reader.locator(`a[href="https://example.com/${stamp}"]`).first()).toBeVisible();
    await expectInert(reader, "/feed");
  });

  await test.step("…the post page", async () => {
    await reader.goto(postHref);
    await expect(reader.getByText(`script ${stamp}`, { exact: false }).first()).toBeVisible();
    await expectInert(reader, postHref);
  });

  await test.step("…and the profile", async () => {
    await reader.goto(`/u/${author.handle}`);
    await expect(reader.getByText(PAYLOADS.img, { exact: true }).first()).toBeVisible();
    await expect(reader.locator(`a[href="https://example.com/${stamp}"]`).first()).toBeVisible();
    await expectInert(reader, `/u/${author.handle}`);
    await reader.goto(`/@${author.handle}`);
    await expectInert(reader, `/@${author.handle}`);
  });

  expect(dialogs, "no alert() ever opened").toEqual([]);
});

test("pages carry a nonce-based CSP and the security headers", async ({ page, context }) => {
  const first = await page.goto("/signin");
  const second = await page.goto("/signin");
  const [a, b] = [cspOf(first), cspOf(second)];
  const nonce = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce(a), "a nonce in script-src").toBeTruthy();
  expect(nonce(a), "a fresh nonce per request").not.toBe(nonce(b));
  const scriptSrc = a.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'"); // production build
  expect(a).toContain("frame-ancestors 'none'");
  expect(a).toContain("object-src 'none'");

  const h = second!.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
  // The e2e server's public URL is plain http://localhost: no HSTS there (it is set for https).
  expect(h["strict-transport-security"]).toBeUndefined();

  // Next.js's own scripts carry this response's nonce; nothing else runs.
  const scriptNonces = await page.evaluate(() => [...document.scripts].filter((s) => s.src || s.textContent).map((s) => s.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce(b)]));

  // The session cookie: HttpOnly and SameSite=Lax (Secure is for https deployments).
  await signIn(page, ANA.email, ANA.password);
  await expect(page).toHaveURL("/");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

/**
 * The edge (proxy.ts) over HTTP against the built app. Raw requests with Node's fetch: the
 * WHATWG URL parser keeps a broken escape as it is, so the server sees exactly these bytes.
 */
const BASE = `http://localhost:${process.env.E2E_PORT || 3100}`;
const BROKEN = ["%ud800", "%E0%A4%A", "%", "%zz", "%C0%AF", "%ED%A0%80", "%00"];
/** What the edge accepts (lib/security/path-encoding.ts): decodable, and no encoded NUL. */
const decodes = (s: string) => {
  try {
    return !decodeURIComponent(s).includes("\u0000");
  } catch {
    return false;
  }
};

test("broken percent-encoding is a 400 on every API route and page, never a 500", async () => {
  expect(API_PATTERNS.length).toBeGreaterThan(30);
  expect(PAGE_PATTERNS.length).toBeGreaterThan(15);
  const wrong: string[] = [];
  for (const [patterns, api] of [[API_PATTERNS, true], [PAGE_PATTERNS, false]] as const) {
    for (const pattern of patterns) {
      for (const bad of BROKEN) {
        const url = fill(pattern, bad);
        const res = await fetch(`${BASE}${url}`, { redirect: "manual" });
        const type = res.headers.get("content-type") ?? "";
        if (res.status !== 400 || !type.startsWith(api ? "application/problem+json" : "text/html")) wrong.push(`${url} → ${res.status} ${type}`);
        if (api && res.status === 400) expect(await res.json()).toMatchObject({ status: 400, code: "validation" });
        else await res.arrayBuffer();
      }
    }
  }
  expect(wrong).toEqual([]);
});

test("fuzz: no malformed path makes the server answer 500 or more", async () => {
  test.setTimeout(300_000);
  const hex = (n: number) => `%${n.toString(16).padStart(2, "0")}`;
  const piece = fc.oneof(
    fc.constantFrom("a", "-", ".", "~", "%20", "%2F", "%25", "é"),
    fc.integer({ min: 0, max: 255 }).map(hex),
    fc.constantFrom(...BROKEN, "%z", "%F4%90%80%80", "%80", "%FF", "%E2%82"),
  );
  const pattern = fc.constantFrom(...API_PATTERNS, ...PAGE_PATTERNS);
  let count = 0;
  let broken = 0;
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(pattern, fc.array(piece, { minLength: 1, maxLength: 6 }), async (p, parts) => {
      const url = fill(p, parts.join(""));
      const res = await fetch(`${BASE}${url}`, { redirect: "manual" });
      await res.arrayBuffer();
      count++;
      if (!decodes(url)) broken++;
      if (res.status >= 500 || (!decodes(url) && res.status !== 400)) failures.push(`${url} → ${res.status}`);
    }),
    { numRuns: 3000 },
  );
  console.log(`edge fuzz: ${count} requests (${broken} with broken encoding), ${failures.length} answered wrongly`);
  expect(failures).toEqual([]);
  expect(broken).toBeGreaterThan(500);
});

test("/api responses carry the security headers", async () => {
  for (const path of ["/api/health", "/api/v1/me", "/api/v1/openapi.json", "/api/v1/nothing-here", "/api/auth/session"]) {
    const res = await fetch(`${BASE}${path}`);
    await res.arrayBuffer();
    expect(res.headers.get("content-security-policy"), path).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options"), path).toBe("DENY");
  }
});

test("a server action from another site, or without Origin, is a 403, never accepted and never a 500", async () => {
  const action = (headers: Record<string, string>) =>
    fetch(`${BASE}/feed`, { method: "POST", redirect: "manual", headers: { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8", ...headers }, body: "[]" });
  const refused: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, {}, { "sec-fetch-site": "cross-site" }, { origin: "https://evil.example", "x-forwarded-host": "evil.example" }];
  for (const headers of refused) {
    const res = await action(headers);
    expect(res.status, JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toContain("came from somewhere else");
  }
  // From our own pages it reaches Next.js (which refuses an unknown action, but not as a 403 or 500).
  const own = await action({ origin: BASE });
  expect(own.status).not.toBe(403);
  expect(own.status).toBeLessThan(500);
});
