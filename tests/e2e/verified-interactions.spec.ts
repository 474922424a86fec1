import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";

// The fake Bluesky AppView start-server.mjs runs beside the app (RAPPORT_BLUESKY_API).
const FAKE = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 2000}`;

async function fake(path: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${FAKE}/__fake/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
  return res.json();
}

function did(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return `did:plc:${Array.from({ length: 24 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("")}`;
}

/** Settings → Account → Linked accounts: enter the handle, put the code in the (fake) profile, check. */
async function linkBluesky(page: Page, handle: string, accountDid: string): Promise<void> {
  await page.goto("/settings/account");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Linked accounts" }) });
  await section.getByLabel("Bluesky handle").fill(handle);
  await section.getByRole("button", { name: "Link Bluesky account" }).click();
  const code = (await section.getByTestId("bluesky-code-value").textContent())!.trim();
  expect(code).toMatch(/^rapport-/);
  await fake("description", { did: accountDid, description: `Hello! ${code}` });
  await section.getByRole("button", { name: "Check now" }).click();
  await expect(section.getByText(/Verified: @/)).toBeVisible();
  await expect(section.getByTestId("bluesky-verified")).toBeVisible();
}

/**
 * Logs an interaction with its evidence link, then waits for Rapport's own check: the
 * in-process worker checks it within seconds; the page reads what is stored.
 */
async function logAndSeeVerified(page: Page, o: { with: string; where: string; what: string; on: string; url: string; network: string }): Promise<void> {
  await page.goto("/interactions/log");
  await page.getByLabel("Who was it with?").fill(o.with);
  await page.getByLabel("Where").selectOption(o.where);
  await page.getByLabel("What").selectOption(o.what);
  await page.getByLabel("When").fill(o.on);
  await page.getByLabel("Evidence link").fill(o.url);
  await page.getByRole("button", { name: "Log interaction" }).click();
  await expect(page).toHaveURL(/\/interactions\?logged=1/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("logged-status").first()).toHaveText(new RegExp(`Verified on ${o.network}`), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

/** Two new members, each signed in on a page of their own, each with a verified Bluesky account. */
async function twoOnBluesky(browser: Browser, prefix: string) {
  const actor = newAccount(`${prefix}_a`);
  const target = newAccount(`${prefix}_g`);
  const actorDid = did();
  const targetDid = did();
  const actorHandle = `${actor.handle.replace(/_/g, "-")}.bsky.social`;
  const targetHandle = `${target.handle.replace(/_/g, "-")}.bsky.social`;
  await fake("account", { handle: actorHandle, did: actorDid, displayName: actor.name });
  await fake("account", { handle: targetHandle, did: targetDid, displayName: target.name });

  const targetPage = await (await browser.newContext()).newPage();
  await signUp(targetPage, target);
  await linkBluesky(targetPage, targetHandle, targetDid);

  const page = await (await browser.newContext()).newPage();
  await signUp(page, actor);
  await linkBluesky(page, actorHandle, actorDid);
  return { actor, target, actorDid, targetDid, actorHandle, targetHandle, page, targetPage };
}

test("a Bluesky reply logged with its URL is verified by Rapport and counts without the other member doing anything", async ({ browser }) => {
  const { target, actorDid, targetDid, targetHandle, page, targetPage } = await twoOnBluesky(browser, "bsky");

  // Before: nothing between them.
  await page.goto(`/u/${target.handle}`);
  const bar = page.getByRole("progressbar").first();
  await expect(bar).toHaveAttribute("aria-valuenow", "0");

  const today = new Date().toISOString().slice(0, 10);
  const { url } = await fake("reply", { authorDid: actorDid, parentDid: targetDid, rkey: `3lb${Date.now().toString(36)}`, createdAt: new Date().toISOString() });

  await logAndSeeVerified(page, { with: target.handle, where: "bluesky", what: "reply", on: today, url, network: "Bluesky" });

  // It counts in full: the warm-up moved, and the history marks it.
  await page.goto(`/u/${target.handle}`);
  expect(Number(await page.getByRole("progressbar").first().getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await expect(page.getByText("Verified on Bluesky").first()).toBeVisible();
  // The target's profile shows their proven account.
  await expect(page.getByTestId("verified-accounts")).toContainText(`Bluesky @${targetHandle}`);
  // And the other member has nothing to confirm.
  await targetPage.goto("/interactions");
  await expect(targetPage.getByRole("heading", { name: /Awaiting your confirmation/ })).toContainText("(0)");
});

// The fake GitHub API start-server.mjs runs beside the app (RAPPORT_GITHUB_API).
const FAKE_GITHUB = `http://127.0.0.1:${Number(process.env.E2E_PORT || 3100) + 2001}`;

async function fakeGitHub(path: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${FAKE_GITHUB}/__fake/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
  return res.json();
}

/** Settings → Account → GitHub: enter the username, put the code in a (fake) gist, paste its address. */
async function linkGitHub(page: Page, login: string, id: number): Promise<void> {
  await page.goto("/settings/account");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Linked accounts" }) });
  await section.getByLabel("GitHub username").fill(login);
  await section.getByRole("button", { name: "Link GitHub account" }).click();
  const code = (await section.getByTestId("github-code-value").textContent())!.trim();
  expect(code).toMatch(/^rapport-/);
  const { url } = await fakeGitHub("gist", { id: `${id.toString(16)}aa5a315d61ae9438b18d`.slice(0, 32), ownerId: id, content: `Rapport: ${code}\n` });
  await section.getByLabel("Gist address").fill(url);
  await section.getByRole("button", { name: "Check gist" }).click();
  await expect(section.getByText(/Verified: @/)).toBeVisible();
  await expect(section.getByTestId("github-verified")).toBeVisible();
}

test("a GitHub comment logged with its URL is verified by Rapport through GitHub's API", async ({ browser }) => {
  const actor = newAccount("gh_a");
  const target = newAccount("gh_g");
  const base = Date.now() % 1_000_000_000;
  const actorGh = { id: base, login: `${actor.handle.replace(/_/g, "-")}` };
  const targetGh = { id: base + 1, login: `${target.handle.replace(/_/g, "-")}` };
  await fakeGitHub("user", actorGh);
  await fakeGitHub("user", targetGh);

  const targetPage = await (await browser.newContext()).newPage();
  await signUp(targetPage, target);
  await linkGitHub(targetPage, targetGh.login, targetGh.id);

  const page = await (await browser.newContext()).newPage();
  await signUp(page, actor);
  await linkGitHub(page, actorGh.login, actorGh.id);

  const today = new Date().toISOString().slice(0, 10);
  const { url } = await fakeGitHub("comment", { repo: "octo/site", number: 7, id: base, authorId: actorGh.id, openerId: targetGh.id, createdAt: new Date().toISOString() });

  await logAndSeeVerified(page, { with: target.handle, where: "github", what: "comment", on: today, url, network: "GitHub" });

  await page.goto(`/u/${target.handle}`);
  await expect(page.getByText("Verified on GitHub").first()).toBeVisible();
  await expect(page.getByTestId("verified-accounts")).toContainText(`GitHub @${targetGh.login}`);
  await expect(page.getByTestId("verified-accounts").getByRole("link", { name: /GitHub/ })).toHaveAttribute("href", `https://github.com/${targetGh.login}`);

  // Grace unlinks her GitHub account: she is told so, and her profile no longer shows it.
  await targetPage.goto("/settings/account");
  await targetPage.getByRole("button", { name: "Unlink GitHub" }).click();
  await expect(targetPage.getByRole("status").filter({ hasText: "Your GitHub account is no longer linked." })).toBeVisible();
  await expect(targetPage.getByRole("button", { name: "Link GitHub account" })).toBeVisible();
  await expect(targetPage.getByRole("button", { name: "Unlink GitHub" })).toHaveCount(0);
  await page.goto(`/u/${target.handle}`);
  await expect(page.getByTestId("verified-accounts")).toHaveCount(0);
});

test("Found for you: with the opt-in on, Rapport finds two public Bluesky replies and offers them on Interactions; the member adds one (logged and verified) and dismisses the other", async ({ browser }) => {
  const { target, actorDid, targetDid, page } = await twoOnBluesky(browser, "fnd");
  // Two replies the actor wrote on Bluesky, yesterday and the day before, never logged here.
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  const { url } = await fake("reply", { authorDid: actorDid, parentDid: targetDid, rkey: `3lf${Date.now().toString(36)}`, createdAt: daysAgo(1) });
  const older = await fake("reply", { authorDid: actorDid, parentDid: targetDid, rkey: `3lg${Date.now().toString(36)}`, createdAt: daysAgo(2) });

  // Off by default: nothing is offered.
  await page.goto("/interactions");
  await expect(page.getByTestId("found-for-you")).toHaveCount(0);

  await page.goto("/settings/account");
  const optIn = page.getByLabel(/^Look for our public replies and mentions on .*Bluesky.* and offer them to me$/);
  await expect(optIn).not.toBeChecked();
  await optIn.check();
  await page.getByRole("form", { name: "Found for you" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/On — Rapport is looking on Bluesky now/)).toBeVisible();

  // The in-process worker reads the feed within seconds; the page reads what is stored.
  const first = target.name.split(" ")[0];
  const question = `2 public replies between you and ${first} on Bluesky — add them?`;
  await expect(async () => {
    await page.goto("/interactions");
    await expect(page.getByTestId("found-for-you").getByText(question)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const found = page.getByTestId("found-for-you");
  await expect(found.getByRole("link", { name: /View on Bluesky/ }).first()).toHaveAttribute("href", url);

  // Both ticked to begin with; the older one is left out of the add.
  const choices = found.getByRole("checkbox", { name: new RegExp(`reply to ${first}`) });
  await expect(choices).toHaveCount(2);
  await choices.nth(1).uncheck();
  await found.getByRole("button", { name: "Add selected" }).click();
  await expect(page).toHaveURL(/\/interactions\?found=added-1-bluesky/);
  await expect(page.getByTestId("found-outcome")).toHaveText(/Added 1 interaction from Bluesky/);

  // The one left out is still offered, on its own; dismissing it hides it for good.
  await expect(found.getByText(`1 public reply between you and ${first} on Bluesky — add it?`)).toBeVisible();
  await expect(found.getByRole("link", { name: /View on Bluesky/ })).toHaveAttribute("href", older.url);
  await found.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("found-outcome")).toHaveText(/Dismissed/);

  // Logged once, with the post as evidence, and verified by the usual check.
  await expect(async () => {
    await page.goto("/interactions");
    await expect(page.getByTestId("found-for-you")).toHaveCount(0);
    await expect(page.getByRole("link", { name: url })).toHaveCount(1);
    await expect(page.getByTestId("logged-status").first()).toHaveText(/Verified on Bluesky/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
