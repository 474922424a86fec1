import { expect, test } from "@playwright/test";
import { newAccount, signIn, signOut, signUp, submitSignup } from "./support/accounts";

test("a newcomer signs up, signs out, signs back in and fills in their profile", async ({ page }) => {
  const me = newAccount("journey");

  await test.step("sign up", async () => {
    await signUp(page, me);
  });

  await test.step("sign out", async () => {
    await signOut(page);
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/signin/); // signed out for real: private pages ask to sign in
  });

  await test.step("a wrong password is refused", async () => {
    await signIn(page, me.email, "not my password at all");
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toHaveCount(0);
  });

  await test.step("sign in", async () => {
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toBeVisible();
  });

  const profile = {
    name: `${me.name} Renamed`,
    headline: "Platform engineer who answers every comment",
    bio: "I write about on-call, runbooks and kind code review.",
    location: "Lisbon",
  };

  await test.step("edit the profile", async () => {
    await page.goto("/settings/account");
    await page.getByLabel("Name", { exact: true }).fill(profile.name);
    await page.getByLabel("Headline", { exact: true }).fill(profile.headline);
    await page.getByLabel("Bio", { exact: true }).fill(profile.bio);
    await page.getByLabel("Location", { exact: true }).fill(profile.location);
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  });

  await test.step("the public profile shows the changes", async () => {
    await page.goto(`/u/${me.handle}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(profile.name);
    await expect(page.getByText(profile.headline, { exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("profile.png"), fullPage: true });
  });

  await test.step("the changes survive signing in again", async () => {
    await signOut(page);
    await signIn(page, me.email, me.password);
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${profile.name}` })).toBeVisible();
  });
});

test("signing up with a taken handle, in any case, says so next to the Handle field", async ({ browser, page }) => {
  const first = newAccount("taken");
  const firstContext = await browser.newContext();
  await signUp(await firstContext.newPage(), first);
  await firstContext.close();

  const second = { ...newAccount("other"), handle: first.handle.toUpperCase() };
  await submitSignup(page, second);

  const handle = page.getByLabel("Handle", { exact: true });
  await expect(page.getByText("This handle is taken")).toBeVisible();
  await expect(handle).toHaveAccessibleDescription(/This handle is taken/);
  await expect(handle).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup/);
});
