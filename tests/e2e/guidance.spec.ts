import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/accounts";

// Demo seed (prisma/seed/requests.ts): Kai sent Ana a request two days ago that is still
// pending; Lena is ready for Ana to ask. Demo accounts share one password.
const ANA = { email: "ana@demo.rapport.test", password: "rapport-demo-2026" };

/** True when `first` comes before `second` in document order (what keyboards and screen readers follow). */
async function before(page: Page, first: string, second: string): Promise<boolean> {
  return page.evaluate(
    ([a, b]) => {
      const x = document.querySelector(a);
      const y = document.querySelector(b);
      if (!x || !y) throw new Error(`missing ${!x ? a : b}`);
      return Boolean(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    },
    [first, second] as const,
  );
}

// The first sign-in of a fresh server can be slow on a loaded machine.
test.describe.configure({ timeout: 120_000 });

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the relationship panel follows the protocol sentence, before posts and kudos", async ({ page }) => {
    await signIn(page, ANA.email, ANA.password);
    await expect(page).toHaveURL("/", { timeout: 60_000 });
    await page.goto("/u/lena");
    const panel = page.getByTestId("relationship-panel");
    await expect(panel).toBeVisible();
    expect(await before(page, '[data-testid="protocol"]', '[data-testid="relationship-panel"]')).toBe(true);
    expect(await before(page, '[data-testid="relationship-panel"]', "#posts-heading")).toBe(true);
    expect(await before(page, '[data-testid="relationship-panel"]', "#kudos-heading")).toBe(true);
    // On screen too: the panel starts within the first two screens, right under the profile card.
    const protocol = await page.getByTestId("protocol").boundingBox();
    const box = await panel.boundingBox();
    expect(box && protocol && box.y > protocol.y).toBe(true);
    expect(box!.y).toBeLessThan(844 * 2);
    await expect(page.getByTestId("primary-step").or(page.getByTestId("connect-locked")).or(page.getByRole("button", { name: "Connect" })).first()).toBeVisible();
    // No sideways scrolling at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/artifacts/guidance-profile-phone.png", fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: "test-results/artifacts/guidance-profile-phone-dark.png", fullPage: true });
  });

  test("someone who asked you: first how far they came toward your protocol, then your own warm-up", async ({ page }) => {
    await signIn(page, ANA.email, ANA.password);
    await expect(page).toHaveURL("/", { timeout: 60_000 });
    await page.goto("/u/kai");
    const panel = page.getByTestId("relationship-panel");
    await expect(panel.getByText(/^\W*Asked you$/)).toBeVisible();
    const theirs = panel.getByTestId("their-warmup");
    await expect(theirs).toBeVisible();
    await expect(theirs.getByRole("heading", { name: /Kai asked to connect: how far Kai came toward your protocol/ })).toBeVisible();
    await expect(theirs.getByRole("progressbar", { name: "Kai's warm-up with you" })).toBeVisible();
    await expect(theirs.getByRole("list", { name: "What your protocol asks of Kai" })).toBeVisible();
    const own = panel.getByTestId("own-warmup");
    await expect(own.getByRole("heading", { name: "Your own warm-up toward Kai" })).toBeVisible();
    await expect(own.getByRole("progressbar", { name: "Your warm-up with Kai" })).toBeVisible();
    expect(await before(page, '[data-testid="their-warmup"]', '[data-testid="own-warmup"]')).toBe(true);
    await expect(panel.getByRole("link", { name: /Kai asked you — review/ })).toBeVisible();
    await page.screenshot({ path: "test-results/artifacts/guidance-asked-you-phone.png", fullPage: true });
  });
});

test("on a wide screen the panel keeps the side column", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, ANA.email, ANA.password);
  await expect(page).toHaveURL("/", { timeout: 60_000 });
  await page.goto("/u/lena");
  await expect(page.getByTestId("relationship-panel")).toBeVisible();
  const card = await page.locator("section[aria-labelledby='profile-name']").boundingBox();
  const panel = await page.getByTestId("relationship-panel").boundingBox();
  expect(card && panel).toBeTruthy();
  // Beside the profile card, at the same height: the side column.
  expect(panel!.x).toBeGreaterThan(card!.x + card!.width - 1);
  expect(Math.abs(panel!.y - card!.y)).toBeLessThan(4);
  await page.screenshot({ path: "test-results/artifacts/guidance-profile-desktop.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/artifacts/guidance-profile-desktop-dark.png", fullPage: true });
});
