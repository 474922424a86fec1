import { expect, test } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";
import { linkTo, waitForMail } from "./support/inbox";

// A sign-up, two emails delivered by the job worker: give a loaded machine room.
test.slow();

test("after five wrong passwords the owner is told, and gets in with an emailed sign-in link", async ({ page }) => {
  const me = newAccount("link");
  await signUp(page, me);
  await signOut(page);

  await test.step("five wrong passwords pause the password path, even for the right password", async () => {
    for (let i = 0; i < 5; i++) {
      await signIn(page, me.email, `wrong password ${i}!`);
      await expect(page.getByText(/don't match an account/)).toBeVisible();
    }
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByText(/password sign-in is paused/i)).toBeVisible();
  });

  await test.step("the owner is told by email", async () => {
    const notice = await waitForMail(me.email, /Failed sign-in attempts/);
    expect(notice.text).toMatch(/wrong password 5 times/);
  });

  await test.step("ask for a sign-in link from the sign-in page", async () => {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/\/signin\/link$/);
    await page.getByLabel("Email", { exact: true }).fill(me.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("status")).toContainText(/If an account/i);
  });

  const link = linkTo(await waitForMail(me.email, /Your Rapport sign-in link/), "/signin/link");

  await test.step("the link signs in (opening it alone changes nothing; the button does)", async () => {
    await page.goto(link.pathname + link.search);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/");
  });

  await test.step("the link works once", async () => {
    const again = await page.context().browser()!.newContext();
    const other = await again.newPage();
    await other.goto(link.pathname + link.search);
    await expect(other.getByText(/expired or was already used/i)).toBeVisible();
    await again.close();
  });
});
