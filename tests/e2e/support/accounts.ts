import { expect, type Page } from "@playwright/test";

export type NewAccount = { email: string; password: string; handle: string; name: string };

/** A new member's details, unique per call (the e2e database lives for a whole run). */
export function newAccount(label = "e2e"): NewAccount {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    email: `${label}_${id}@example.test`,
    password: "correct horse battery",
    handle: `${label}_${id}`.slice(0, 30),
    name: `Test ${label} ${id}`,
  };
}

/** Fills and submits the sign-up form; does not wait for the outcome. */
export async function submitSignup(page: Page, a: NewAccount): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email", { exact: true }).fill(a.email);
  await page.getByLabel("Password", { exact: true }).fill(a.password);
  await page.getByLabel("Handle", { exact: true }).fill(a.handle);
  await page.getByLabel("Name", { exact: true }).fill(a.name);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signUp(page: Page, a: NewAccount): Promise<void> {
  await submitSignup(page, a);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${a.name}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
}
