import { expect, test } from "@playwright/test";
import { newAccount, signIn, signUp, submitSignup } from "./support/accounts";

// Two browsers and several server actions each: give a loaded machine room.
test.slow();

test("sign out everywhere ends a second browser's session and keeps this one", async ({ browser }) => {
  const me = newAccount("everywhere");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  try {
    await submitSignup(a, me);
    await expect(a).toHaveURL("/", { timeout: 30_000 }); // the first journey of a run may meet a cold server
    await signIn(b, me.email, me.password);
    await expect(b).toHaveURL("/", { timeout: 30_000 });
    await b.goto("/settings/account");
    await expect(b.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

    await a.goto("/settings/account");
    await a.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(a.getByRole("status").filter({ hasText: "Every other browser and device is now signed out" })).toBeVisible();

    // The other browser's cookie no longer works: a private page asks it to sign in.
    await b.goto("/settings/account");
    await expect(b).toHaveURL(/\/signin/);
    // This browser stays signed in, with a fresh cookie.
    await a.reload();
    await expect(a).toHaveURL(/\/settings\/account/);
    await expect(a.getByText(`Signed in as ${me.email}`)).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});

test("delete my account, then sign in within the grace period to keep it", async ({ page }) => {
  const me = newAccount("leaving");
  await signUp(page, me);

  await test.step("the profile links to its editor", async () => {
    await page.goto(`/u/${me.handle}`);
    await page.getByRole("link", { name: "Edit profile" }).click();
    await expect(page).toHaveURL(/\/settings\/account/);
  });

  await test.step("a wrong password deletes nothing", async () => {
    await page.getByText("Delete my account…").click();
    await page.getByLabel("Your password, to confirm").fill("not my password");
    await page.getByRole("button", { name: /Delete my account in 14 days/ }).click();
    await expect(page.getByText("That isn't your current password.").first()).toBeVisible();
  });

  await test.step("with the password: signed out, told the date and how to undo it", async () => {
    await page.getByLabel("Your password, to confirm").fill(me.password);
    await page.getByRole("button", { name: /Delete my account in 14 days/ }).click();
    await expect(page).toHaveURL(/\/signin\?leaving=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId("deletion-scheduled")).toContainText("Your account will be deleted on");
    await page.goto(`/u/${me.handle}`);
    await expect(page.getByTestId("leaving")).toContainText("Leaving Rapport.");
  });

  await test.step("signing in cancels it, and the next page says so", async () => {
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/settings\/account\?deletion=cancelled/);
    await expect(page.getByTestId("deletion-cancelled")).toContainText("your account is no longer being deleted");
    await page.goto(`/u/${me.handle}`);
    await expect(page.getByTestId("leaving")).toHaveCount(0);
  });
});
