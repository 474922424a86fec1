import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";

// The demo seed (prisma/seed/requests.ts): Ana is connected to Ben, Dev and Iris, and Kai's
// request is waiting for her answer.
const ANA = { email: "ana@demo.rapport.test", password: "rapport-demo-2026" };

test("from the dashboard to every relationship: tabs, search by name, sort, and on to a profile", async ({ page }) => {
  await signIn(page, ANA.email, ANA.password);
  await expect(page).toHaveURL("/");

  await test.step("the dashboard's 'more' link or the main navigation opens /relationships", async () => {
    const more = page.locator('main a[href^="/relationships?tab="]', { hasText: /^\d+ more/ });
    if (await more.count()) await more.first().click();
    else await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Relationships" }).click();
    await expect(page).toHaveURL(/\/relationships/);
    await expect(page.getByRole("heading", { level: 1, name: "Relationships" })).toBeVisible();
  });

  const tabs = page.getByRole("navigation", { name: "Relationship tabs" });

  await test.step("the 'Asked you' tab lists Kai, with the way to answer", async () => {
    await tabs.getByRole("link", { name: /^Asked you/ }).click();
    await expect(page).toHaveURL(/tab=asked_you/);
    await expect(tabs.getByRole("link", { name: /^Asked you/ })).toHaveAttribute("aria-current", "page");
    const kai = page.getByRole("listitem").filter({ hasText: "Kai Müller" });
    await expect(kai).toBeVisible();
    await expect(kai.getByRole("link", { name: /Review Kai/ })).toHaveAttribute("href", "/requests?tab=incoming");
  });

  await test.step("the 'Connected' tab, searched by name, keeps the tab", async () => {
    await tabs.getByRole("link", { name: /^Connected/ }).click();
    await expect(page).toHaveURL(/tab=connected/);
    await expect(page.getByRole("link", { name: "Dev Raman" })).toBeVisible();
    await page.getByLabel("Search by name").fill("ben");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/tab=connected.*q=ben|q=ben.*tab=connected/);
    await expect(page.getByRole("link", { name: "Ben Okafor" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Dev Raman" })).toHaveCount(0);
    await expect(page.getByRole("progressbar", { name: "Warm-up with Ben Okafor" })).toHaveAttribute("aria-valuenow", /\d+/);
  });

  await test.step("switching the sort keeps the tab and the search", async () => {
    await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: /Most recent/ }).click();
    await expect(page).toHaveURL(/sort=recent/);
    await expect(page).toHaveURL(/tab=connected/);
    await expect(page).toHaveURL(/q=ben/);
    await expect(page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: /Most recent/ })).toHaveAttribute("aria-current", "true");
    await page.screenshot({ path: "test-results/artifacts/relationships-search.png", fullPage: true });
  });

  await test.step("a name leads to the profile", async () => {
    await page.getByRole("link", { name: "Ben Okafor" }).click();
    await expect(page).toHaveURL("/u/ben");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Ben Okafor");
  });
});

test("the relationships page fits a 390 px phone and says what to do when a tab is empty", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ANA.email, ANA.password);
  await expect(page).toHaveURL("/");
  await page.goto("/relationships");
  await expect(page.getByRole("heading", { level: 1, name: "Relationships" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/artifacts/relationships-phone.png", fullPage: true });

  await page.goto("/relationships?tab=connected&q=nobody-called-this");
  await expect(page.getByText("No one matching “nobody-called-this” in Connected.")).toBeVisible();
  await page.getByRole("link", { name: "Search all relationships" }).click();
  await expect(page).toHaveURL("/relationships?q=nobody-called-this");
});
