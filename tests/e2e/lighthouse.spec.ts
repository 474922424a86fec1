import { expect, test, type BrowserContext } from "@playwright/test";
import { chromium } from "@playwright/test";
import { signIn } from "./support/accounts";

/**
 * Lighthouse (accessibility and best practices only) on the pages a member lives in, mobile and
 * desktop, against the built app this run started: every score must be 100. Lighthouse drives
 * its own Chromium over the DevTools protocol (a port beside E2E_PORT); signed-in pages get
 * Ana's session cookie as a request header. Each page's scores are printed, passing or not.
 */
const PORT = Number(process.env.E2E_PORT || 3100);
const DEBUG_PORT = PORT + 3000; // PORT + 1000 is the SMTP test server, PORT + 2000 the fake Bluesky AppView
const BASE = `http://localhost:${PORT}`;
const CATEGORIES = ["accessibility", "best-practices"] as const;

type Result = { url: string; form: "mobile" | "desktop"; scores: Record<string, number>; failing: string[] };

async function sessionCookie(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  await signIn(page, "ana@demo.rapport.test", "rapport-demo-2026");
  await expect(page).toHaveURL("/", { timeout: 30_000 });
  await page.goto("/requests");
  const review = await page.locator('main a[href^="/requests/"]').first().getAttribute("href");
  expect(review).toBeTruthy();
  reviewPath = review!;
  const cookies = await context.cookies(BASE);
  await page.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}
let reviewPath = "";

/** Up to three offending elements of an audit, by selector, so a failure says where to look. */
function offenders(details: unknown): string {
  const items = (details as { items?: { node?: { selector?: string; snippet?: string } }[] } | undefined)?.items ?? [];
  return items
    .slice(0, 3)
    .map((i) => i.node?.selector ?? i.node?.snippet ?? "")
    .filter(Boolean)
    .join(" | ");
}

test("Lighthouse scores 100 for accessibility and best practices, mobile and desktop", async ({ browser }) => {
  test.setTimeout(600_000);
  const { default: lighthouse } = await import("lighthouse");
  const { default: desktopConfig } = await import("lighthouse/core/config/desktop-config.js");

  const context = await browser.newContext();
  const cookie = await sessionCookie(context);
  await context.close();

  // Lighthouse opens its own tabs in this browser over the DevTools port.
  // The same Chromium and flags as every journey (playwright.config.ts).
  const launch = test.info().project.use.launchOptions ?? {};
  const lhBrowser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--remote-debugging-port=${DEBUG_PORT}`] });
  const results: Result[] = [];
  const started = Date.now();
  try {
    const pages: { path: string; signedIn: boolean }[] = [
      { path: "/", signedIn: false }, // home
      { path: "/signin", signedIn: false },
      { path: "/u/emma", signedIn: true }, // a profile
      { path: "/", signedIn: true }, // the dashboard
      { path: "/requests", signedIn: true },
      { path: reviewPath, signedIn: true }, // a request review
      { path: "/feed", signedIn: true },
      { path: "/settings/protocol", signedIn: true },
    ];
    // LIGHTHOUSE_ONLY=/feed: just that page (both form factors), while fixing what it finds.
    const only = process.env.LIGHTHOUSE_ONLY;
    for (const form of ["mobile", "desktop"] as const) {
      for (const p of pages.filter((q) => !only || q.path === only)) {
        const runner = await lighthouse(
          `${BASE}${p.path}`,
          {
            port: DEBUG_PORT,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
            // Only accessibility and best practices are scored: no need to slow the page down.
            throttlingMethod: "provided",
            extraHeaders: p.signedIn ? { Cookie: cookie } : undefined,
          },
          form === "desktop" ? desktopConfig : undefined,
        );
        const lhr = runner!.lhr;
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
        // The audits that cost points, by id, with what they found.
        const failing = CATEGORIES.flatMap((c) =>
          (lhr.categories[c]?.auditRefs ?? [])
            .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
            .map((r) => `${r.id}: ${lhr.audits[r.id].title} [${offenders(lhr.audits[r.id].details)}]`),
        );
        const label = `${p.path}${p.signedIn ? "" : " (signed out)"}`;
        results.push({ url: label, form, scores, failing });
        console.log(`Lighthouse ${form.padEnd(7)} ${label.padEnd(36)} accessibility ${scores.accessibility}  best-practices ${scores["best-practices"]}${failing.length ? `  — ${failing.join("; ")}` : ""}`);
      }
    }
  } finally {
    await lhBrowser.close();
  }
  console.log(`Lighthouse: ${results.length} runs in ${Math.round((Date.now() - started) / 1000)} s`);
  const below = results.filter((r) => Object.values(r.scores).some((s) => s < 100));
  expect(below.map((r) => `${r.form} ${r.url}: ${JSON.stringify(r.scores)} — ${r.failing.join("; ")}`)).toEqual([]);
});
