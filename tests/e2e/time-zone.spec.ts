import { expect, test } from "@playwright/test";
import { newAccount, signUp, submitSignup } from "./support/accounts";

// Moana (tests/e2e/support/seed-fixtures.ts) joined at 2026-01-15 23:30 UTC: already
// 16 Jan, 12:30 in Auckland.
const MOANA = "/u/moana";

test.describe("a member in Auckland", () => {
  test.use({ timezoneId: "Pacific/Auckland", locale: "en-GB" });

  test("sees dates in their zone and format from sign-up on, and a change of setting changes them", async ({ page }) => {
    const me = newAccount("tz");
    await signUp(page, me);

    await test.step("sign-up took the browser's zone and language", async () => {
      await page.goto("/settings/account");
      await expect(page.getByLabel("Time zone")).toHaveValue("Pacific/Auckland");
      await expect(page.getByLabel("Date format")).toHaveValue("en-GB");
      await expect(page.getByTestId("date-example")).toContainText("GMT+1"); // +12 or +13, by season
    });

    await test.step("a date near midnight UTC reads as the next day in Auckland", async () => {
      await page.goto(MOANA);
      await expect(page.getByText("Member since 16 Jan 2026")).toBeVisible();
    });

    await test.step("switching to UTC and the US format changes it", async () => {
      await page.goto("/settings/account");
      await page.getByLabel("Time zone").selectOption("UTC");
      await page.getByLabel("Date format").selectOption("en-US");
      await page.getByRole("button", { name: "Save dates and times" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Dates are now shown in your time zone and format." })).toBeVisible();
      await expect(page.getByTestId("date-example")).toContainText("UTC");
      await page.goto(MOANA);
      await expect(page.getByText("Member since Jan 15, 2026")).toBeVisible();
    });

    await test.step("the rules still say they count UTC days", async () => {
      await page.goto("/settings/protocol");
      await expect(page.getByText("Days are counted in UTC.", { exact: false }).first()).toBeAttached();
    });
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, timezoneId: "Asia/Tokyo", locale: "de-DE" });

  test("sign-up still works and starts on UTC with the browser's language", async ({ page }) => {
    const me = newAccount("nojs");
    await submitSignup(page, me);
    await expect(page).toHaveURL("/");
    await page.goto("/settings/account");
    await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
    await expect(page.getByLabel("Date format")).toHaveValue("");
    // "browser default": the German format, from Accept-Language
    await page.goto(MOANA);
    await expect(page.getByText("Member since 15.01.2026")).toBeVisible();
  });
});

test("signed out, dates are in UTC and the browser's language format", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "Pacific/Auckland", locale: "en-US" });
  const page = await context.newPage();
  await page.goto(MOANA);
  await expect(page.getByText("Member since Jan 15, 2026")).toBeVisible();
  await context.close();
});
