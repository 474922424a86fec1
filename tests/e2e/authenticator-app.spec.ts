import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";

/** The member's phone: codes from the setup key the page shows, made by the same library an app would use. */
const codeAt = (key: string, when: number) => new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, "")) }).generate({ timestamp: when });

test("a member turns on an authenticator app; a password sign-in then asks for a code; the app is removed with the password", async ({ page }) => {
  const me = newAccount("totp");
  let key = "";

  await test.step("sign up and set up the app", async () => {
    await signUp(page, me);
    await page.goto("/settings/security");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    key = (await page.getByTestId("totp-secret").textContent()) ?? "";
    expect(key.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Code from the app", { exact: true }).fill(codeAt(key, Date.now()));
    await page.getByLabel("Your password, to turn the app on", { exact: true }).fill(me.password);
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByText("Your authenticator app is on.")).toBeVisible();
    await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await page.reload();
    await expect(page.getByTestId("totp-secret")).toHaveCount(0); // never shown again
    await expect(page.getByTestId("factor-status")).toContainText("code from your authenticator app");
  });

  await test.step("sign out; a password sign-in asks for a code; the next code signs in", async () => {
    await signOut(page);
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/signin\/second-factor/);
    // switching to a recovery code and back is a link (works without JavaScript too)
    await page.getByRole("link", { name: "Use a recovery code instead" }).click();
    await expect(page.getByLabel("Recovery code", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Use the authenticator app instead" }).click();
    await page.getByLabel("Code from your authenticator app", { exact: true }).fill("000000" === codeAt(key, Date.now() + 30_000) ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("That code didn't match.").first()).toBeVisible();
    // the code for the next 30-second step: the one used to turn the app on cannot be used again
    await page.getByLabel("Code from your authenticator app", { exact: true }).fill(codeAt(key, Date.now() + 30_000));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toBeVisible();
  });

  await test.step("remove the app: a wrong password is refused, the right one removes it", async () => {
    await page.goto("/settings/security");
    await page.getByRole("button", { name: "Remove authenticator app" }).click();
    await page.getByLabel("Password to remove authenticator app", { exact: true }).fill("not my password at all");
    await page.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(page.getByText("That isn't your current password.").first()).toBeVisible();
    await page.getByLabel("Password to remove authenticator app", { exact: true }).fill(me.password);
    await page.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(page.getByTestId("factor-status")).toContainText("Off.");
    await signOut(page);
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL("/");
  });
});
