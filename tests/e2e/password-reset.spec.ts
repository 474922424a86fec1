import { expect, test } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";
import { linkTo, waitForMail } from "./support/inbox";

// A sign-up, an email delivered by the job worker, a reset: give a loaded machine room.
test.slow();

test("forgot password: the email arrives over SMTP, its link resets the password once, and the new one signs in", async ({ page, baseURL }) => {
  const me = newAccount("reset");
  await signUp(page, me);
  await signOut(page);

  await test.step("ask for a link: the same answer as for any address", async () => {
    await page.goto("/signin");
    await page.getByRole("link", { name: /Forgot your password/ }).click();
    await expect(page).toHaveURL(/\/forgot-password/);
    await page.getByLabel("Email", { exact: true }).fill(me.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText(/If an account/i);
  });

  const mail = await waitForMail(me.email, /Reset your Rapport password/);
  const link = linkTo(mail, "/reset-password");
  expect(link.origin, "links in emails are absolute, from NEXTAUTH_URL").toBe(new URL(baseURL!).origin);

  await test.step("follow the link and choose a new password", async () => {
    await page.goto(link.pathname + link.search);
    await page.getByLabel("New password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Save my new password" }).click();
    await expect(page).toHaveURL(/\/signin\?reset=/);
    await expect(page.getByText("Your new password is saved. Sign in with it.")).toBeVisible();
  });

  await test.step("the old password no longer works; the new one does", async () => {
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/signin/);
    await signIn(page, me.email, "a brand new passphrase");
    await expect(page).toHaveURL("/");
  });

  await test.step("the link works once", async () => {
    const again = await page.context().browser()!.newContext();
    const other = await again.newPage();
    await other.goto(link.pathname + link.search);
    const form = other.getByLabel("New password");
    if (await form.count()) {
      await form.fill("yet another passphrase!");
      await other.getByRole("button", { name: "Save my new password" }).click();
    }
    await expect(other.getByText(/no longer valid|already been used|expired/i).first()).toBeVisible();
    await again.close();
  });
});
