import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";

/**
 * axe-core (WCAG 2.1 A and AA rules) on the pages a member lives in, light and dark, wide
 * and phone-sized: no serious or critical violation. The app follows the system theme
 * (prefers-color-scheme), so dark is emulated.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SIZES = [
  { name: "1280", viewport: { width: 1280, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;
const SCHEMES = ["light", "dark"] as const;

async function audit(page: Page, label: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function pageFor(browser: Browser, size: (typeof SIZES)[number], scheme: (typeof SCHEMES)[number], email?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: size.viewport, colorScheme: scheme });
  const page = await context.newPage();
  if (email) {
    await signIn(page, email, "rapport-demo-2026");
    await expect(page).toHaveURL("/", { timeout: 30_000 });
  }
  return page;
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test(`no serious or critical axe violations at ${size.name} px, ${scheme}`, async ({ browser }) => {
      test.setTimeout(420_000);
      const found: string[] = [];

      const visitor = await pageFor(browser, size, scheme);
      for (const url of ["/", "/signin", "/u/emma"]) {
        await visitor.goto(url);
        found.push(...(await audit(visitor, `${url} (signed out)`)));
      }

      const ana = await pageFor(browser, size, scheme, "ana@demo.rapport.test");
      await ana.goto("/requests");
      const review = await ana.locator('main a[href^="/requests/"]').first().getAttribute("href");
      expect(review).toBeTruthy();
      for (const url of ["/", "/u/emma", "/requests", review!, "/feed", "/settings/protocol"]) {
        await ana.goto(url);
        found.push(...(await audit(ana, url)));
      }
      expect(found).toEqual([]);
    });
  }
}
