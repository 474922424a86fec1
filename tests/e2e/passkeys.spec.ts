import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signIn, signOut, signUp } from "./support/accounts";

/** axe-core (WCAG 2.1 A/AA): no serious or critical violation on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${page.url()}: ${v.id} — ${v.help}`);
}

/**
 * Chromium's virtual authenticator (DevTools protocol) stands in for a phone or a security
 * key: a platform authenticator holding discoverable credentials, user verified on request.
 */
test("a member adds a passkey, signs out, and signs in with the passkey alone", async ({ page }) => {
  const me = newAccount("passkey");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  let recoveryCode = "";

  await test.step("sign up", async () => {
    await signUp(page, me);
  });

  await test.step("add a passkey on /settings/security", async () => {
    await page.goto("/settings/security");
    await expect(page.getByTestId("factor-status")).toContainText("Off.");
    await page.getByLabel("Passkey name", { exact: true }).fill("Laptop");
    await page.getByLabel("Your password, to add a passkey", { exact: true }).fill(me.password);
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Passkey “Laptop” added" })).toBeVisible();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    recoveryCode = (await codes.first().textContent()) ?? "";
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0].isResidentCredential).toBe(true);
    await page.reload();
    await expect(page.getByTestId("passkey-list")).toContainText("Laptop");
    await expect(page.getByTestId("passkey-list")).toContainText("never used");
    await expect(page.getByTestId("factor-status")).toContainText("On.");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  await test.step("sign out, then sign in with the passkey — no email, no password", async () => {
    await signOut(page);
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toBeVisible();
    await page.goto("/settings/security");
    await expect(page.getByTestId("passkey-list")).toContainText("last used");
  });

  await test.step("a password sign-in now asks for the second factor; a recovery code works once", async () => {
    await signOut(page);
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/signin\/second-factor/);
    await expect(page.getByRole("heading", { level: 1, name: "Confirm it's you" })).toBeVisible();
    expect(await axe(page)).toEqual([]);
    await page.goto("/"); // no session yet
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toHaveCount(0);
    await page.goBack();
    await page.getByLabel("Recovery code", { exact: true }).fill(recoveryCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toBeVisible();
  });

  await test.step("the same recovery code is refused next time; the passkey on the second step works", async () => {
    await signOut(page);
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/signin\/second-factor/);
    await page.getByLabel("Recovery code", { exact: true }).fill(recoveryCode);
    await page.getByRole("button", { name: "Continue" }).click();
    // shown under the field, and announced (the live region)
    await expect(page.getByLabel("Recovery code", { exact: true })).toHaveAccessibleDescription(/That recovery code is wrong or was already used\./);
    await expect(page.getByRole("alert").filter({ hasText: "That recovery code is wrong or was already used." })).toHaveCount(1);
    await page.getByRole("button", { name: "Use your passkey" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${me.name}` })).toBeVisible();
  });
});
