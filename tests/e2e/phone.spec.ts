import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support/accounts";
import { PAGE_PATTERNS } from "./support/route-patterns";

const PASSWORD = "rapport-demo-2026";
const ANA = { email: "ana@demo.rapport.test", password: PASSWORD };
const PHONE = { width: 390, height: 844 };

async function signedIn(browser: Browser, email: string, opts: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, javaScriptEnabled: opts.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL("/", { timeout: 30_000 });
  return page;
}

/** The page is no wider than the window: nothing scrolls sideways. */
async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

test("on a phone, a menu button shows every destination; Escape closes it and focus returns", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await signedIn(browser, ANA.email, { viewport: PHONE });
  const banner = page.getByRole("banner");
  const button = banner.getByRole("button", { name: /^Menu/ });
  await expect(button).toHaveAttribute("aria-expanded", "false");
  // No navigation row squeezed into the header on a phone.
  await expect(banner.getByRole("navigation", { name: "Main" })).toHaveCount(0);

  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const panel = page.locator(`#${await button.getAttribute("aria-controls")}`);
  await expect(panel).toBeVisible();
  const nav = panel.getByRole("navigation", { name: "Main" });
  for (const name of ["Dashboard", "Feed", "People", "Relationships", "Connections", "Interactions", "Settings", "Admin"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: /^Requests/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: /Your profile/ })).toHaveAttribute("href", "/u/ana");
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(panel.getByLabel("Find people")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("phone-menu.png") });

  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  // Keyboard: Enter opens, Tab walks into the panel, and the search there works.
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Find people")).toBeFocused();
  await page.keyboard.type("Emma");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/people\?q=Emma/);
  await expect(button).toHaveAttribute("aria-expanded", "false");

});

test("no page scrolls sideways at 360 px (every page of the app, admin included)", async ({ browser }) => {
  test.setTimeout(180_000);
  const viewport = { width: 360, height: 780 };
  const page = await signedIn(browser, ANA.email, { viewport });

  // Real ids for the dynamic pages, found the way a member would.
  await page.goto("/feed");
  const postHref = await page.locator('a[href^="/feed/p/"]').first().getAttribute("href");
  await page.goto("/requests");
  const requestHref = await page.locator('main a[href^="/requests/"]').first().getAttribute("href");
  await page.goto("/admin");
  let reportHref = await page.locator('main a[href^="/admin/reports/"]').first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
  if (!reportHref) {
    const postId = (postHref ?? "").replace(/^\/feed\/p\//, "").replace(/[#?].*$/, "");
    await page.goto(`/report?type=post&id=${postId}`);
    await page.getByRole("main").getByRole("radio", { name: /Spam/ }).check();
    await page.getByRole("main").getByRole("button", { name: "Send report" }).click();
    await expect(page.getByRole("status").filter({ hasText: "A moderator will look at it" })).toBeVisible();
    await page.goto("/admin");
    reportHref = await page.locator('main a[href^="/admin/reports/"]').first().getAttribute("href");
  }
  const concrete: Record<string, string> = {
    "/u/[handle]": "/u/emma",
    "/u/[handle]/connect": "/u/emma/connect",
    "/feed/p/[id]": (postHref ?? "").replace(/#.*$/, ""),
    "/requests/[id]": requestHref ?? "",
    "/admin/reports/[id]": reportHref ?? "",
  };
  const urls = PAGE_PATTERNS.map((p) => concrete[p] ?? p);
  // A new dynamic page must get a real address here, or this test fails rather than skip it.
  expect(urls.filter((u) => !u || u.includes("["))).toEqual([]);

  const anonymous = await (await browser.newContext({ viewport })).newPage();
  const wide: string[] = [];
  for (const url of urls) {
    for (const p of url === "/" || url.startsWith("/sign") || url.startsWith("/u/") ? [page, anonymous] : [page]) {
      await p.goto(url);
      const o = await overflow(p);
      if (o.scrollWidth > o.width) wide.push(`${url}${p === anonymous ? " (signed out)" : ""}: ${o.scrollWidth} > ${o.width} — ${o.culprits.join(", ")}`);
    }
  }
  expect(wide).toEqual([]);
});

test("opening /notifications reads what it shows (a POST after the list is on screen); without JavaScript the page writes nothing and 'Mark all as read' works", async ({ browser }) => {
  const unreadBadge = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Notifications \d+ unread/ });

  await test.step("without JavaScript: viewing marks nothing; the form does", async () => {
    const page = await signedIn(browser, "ben@demo.rapport.test", { javaScriptEnabled: false });
    await page.goto("/notifications");
    await expect(page.getByText(/^\d+ unread\.$/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/^\d+ unread\.$/)).toBeVisible(); // a page never writes
    await expect(unreadBadge(page)).toBeVisible();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByText("All marked read — new ones stay highlighted for 10 minutes.")).toBeVisible();
    await expect(unreadBadge(page)).toHaveCount(0);
  });

  await test.step("with JavaScript: the badge goes down once the list is shown, and what was new still reads as new", async () => {
    const page = await signedIn(browser, "iris@demo.rapport.test");
    await expect(unreadBadge(page)).toBeVisible();
    await page.goto("/notifications");
    await expect(unreadBadge(page)).toHaveCount(0);
    await expect(page.getByText("All marked read — new ones stay highlighted for 10 minutes.")).toBeVisible();
    await expect(page.getByRole("main").getByText("New:").first()).toBeAttached();
    await page.goto("/");
    await expect(unreadBadge(page)).toHaveCount(0);
  });
});

test("a new member's empty dashboard shows the first three steps as links, with progress", async ({ page }) => {
  const me = newAccount("steps");
  await signUp(page, me);
  const steps = page.getByRole("region", { name: "Your first three steps" });
  await expect(steps.getByRole("img", { name: "0 of 3 steps done" })).toBeVisible();
  await expect(steps.getByRole("link", { name: "Set your protocol" })).toHaveAttribute("href", "/settings/protocol");
  await expect(steps.getByRole("link", { name: "Find people" })).toHaveAttribute("href", "/people");
  await expect(steps.getByRole("link", { name: "Write a first post" })).toHaveAttribute("href", "/feed#composer");

  await steps.getByRole("link", { name: "Write a first post" }).click();
  await expect(page).toHaveURL("/feed#composer");
  await page.getByLabel("Write a post").fill("Hello Rapport — glad to be here, working on accessible forms.");
  await page.getByRole("button", { name: /^Post$/ }).click();
  await expect(page.getByText("glad to be here, working on accessible forms").first()).toBeVisible();
  await page.goto("/");
  await expect(steps.getByRole("img", { name: "1 of 3 steps done" })).toBeVisible();
  await expect(steps.getByText("(done)")).toHaveCount(1);
});

test("the timeline folds a burst of reactions into one row, and reaching out reads quieter than points", async ({ browser }) => {
  const page = await signedIn(browser, "hugo@demo.rapport.test");
  await page.goto("/u/ana");
  const row = page.getByText(/^You reacted to \d+ of Ana's posts and comments$/);
  await expect(row).toBeVisible();
  const item = page.locator("li", { has: row }).last();
  await expect(item).toContainText(/\d+ pts? counted, daily cap/);
});

test("comment boxes wait behind 'Comment' and work without JavaScript; reaction names carry their counts", async ({ browser }) => {
  const page = await signedIn(browser, "dev@demo.rapport.test", { javaScriptEnabled: false });
  await page.goto("/feed");
  const post = page.locator("article").first();
  await expect(post.getByLabel("Comment", { exact: true })).toBeHidden();
  await post.locator("summary", { hasText: "Comment" }).click();
  const text = `No-JS comment ${Date.now().toString(36)}: thanks for writing this up.`;
  await post.getByLabel("Comment", { exact: true }).fill(text);
  await post.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText(text).first()).toBeVisible();

  // WCAG 2.5.3: a reaction button's name includes the count it shows.
  const reacted = page.locator("article button[aria-pressed]").filter({ hasText: /\d/ }).first();
  const shown = (await reacted.innerText()).match(/\d+/)?.[0];
  expect(await reacted.getAttribute("aria-label")).toMatch(new RegExp(`\\b${shown}$`));
});

test("icons, manifest and robots.txt are served; the console has no CSP complaint from zod", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/icon/);
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/svg/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(await manifest.json()).toMatchObject({ name: "Rapport", start_url: "/", icons: expect.arrayContaining([expect.objectContaining({ src: "/icon.svg" })]) });
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/api\//);

  const complaints: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|unsafe-eval|EvalError/i.test(m.text())) complaints.push(m.text());
  });
  await signIn(page, ANA.email, PASSWORD);
  await expect(page).toHaveURL("/");
  for (const url of ["/settings/protocol", "/feed", "/u/emma/connect", "/interactions/log"]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(complaints).toEqual([]);
});

test("an unsupported method on an API route is 405 problem+json with Allow; an unknown path stays 404", async ({ request }) => {
  const put = await request.put("/api/v1/posts", { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers()["content-type"]).toBe("application/problem+json");
  expect(put.headers()["allow"]).toMatch(/GET, POST/);
  expect(await put.json()).toMatchObject({ code: "method_not_allowed", status: 405 });
  const unknown = await request.put("/api/v1/no-such-thing", { data: {} });
  expect(unknown.status()).toBe(404);
});
