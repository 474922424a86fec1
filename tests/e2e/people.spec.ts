import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";

test("a newcomer finds a demo member despite a typo, opens the profile, and sees people to warm up with and why", async ({ page }) => {
  const me = newAccount("people");

  await test.step("sign up", async () => {
    await signUp(page, me);
  });

  await test.step("search from the header with a misspelt name", async () => {
    await page.getByRole("banner").getByLabel("Find people").fill("Grase Kim");
    await page.getByRole("banner").getByLabel("Find people").press("Enter");
    await expect(page).toHaveURL(/\/people\?q=Grase\+Kim/);
    await expect(page.getByRole("heading", { level: 1, name: "Find people" })).toBeVisible();
    const result = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Grace Kim" }) });
    await expect(result).toBeVisible();
    await expect(result.getByText("@grace")).toBeVisible();
    await expect(result.getByText("Cold")).toBeVisible(); // the status pill: nothing between us yet
    await expect(result.getByRole("link", { name: "#climate" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("people-search.png"), fullPage: true });
  });

  await test.step("open the profile from the result", async () => {
    await page.getByRole("link", { name: "Grace Kim" }).click();
    await expect(page).toHaveURL(/\/u\/grace$/);
    await expect(page.getByRole("heading", { level: 1, name: "Grace Kim" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Topics" }).getByRole("link", { name: "#climate" })).toBeVisible();
  });

  await test.step("add topics, then see suggestions with their reasons", async () => {
    await page.goto("/settings/account");
    await page.getByLabel("Topics", { exact: true }).fill("Climate, rust");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "People to warm up with" })).toBeVisible();
    const emma = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Emma Lindqvist" }) });
    await expect(emma.getByText("Also into climate")).toBeVisible();
    const iris = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Iris Novak" }) });
    await expect(iris.getByText("Also into rust")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("people-suggestions.png"), fullPage: true });
  });

  await test.step("the dashboard of a member with few relationships suggests three", async () => {
    await page.goto("/");
    const section = page.getByRole("region", { name: "People to warm up with" });
    await expect(section.getByRole("listitem")).toHaveCount(3);
  });
});
