import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/accounts";

// Fixtures (tests/e2e/support/seed-fixtures.ts): Wanda commented on one of Omar's posts
// yesterday; Omar's protocol is the standard one (6 points, 2 interactions, 2 days, a conversation).
const WANDA = { email: "wanda@e2e.rapport.test", password: "correct horse battery" };
const OMAR = { email: "omar@e2e.rapport.test", password: "correct horse battery" };
const NOTE = "Your post about nightly restores made me rethink our staging setup. I'd like to keep learning from how your team runs on-call.";

test("warm up, send a request with a note, and the recipient reviews and accepts it", async ({ page }) => {
  await test.step("Connect is locked on Omar's profile, with the reason", async () => {
    await signIn(page, WANDA.email, WANDA.password);
    await expect(page).toHaveURL("/");
    await page.goto("/u/omar");
    await expect(page.getByText(/^Locked/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Connect" })).toHaveCount(0);
    await expect(page.getByText("Different days: 1 of 2")).toBeVisible();
  });

  await test.step("a second day of conversation: Wanda comments on today's post", async () => {
    const post = page.locator("article", { hasText: "nightly restores" });
    await post.locator("summary", { hasText: "Comment" }).click(); // the box waits behind "Comment"
    await post.getByLabel("Comment", { exact: true }).fill("Daily restores are the only backups I trust. How long does yours take?");
    await post.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(page.getByText("the only backups I trust").first()).toBeVisible();
    await page.goto("/u/omar");
    await expect(page.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByText(/^\W*Warm$/).first()).toBeVisible();
    await page.screenshot({ path: "test-results/artifacts/profile-panel-warm.png", fullPage: true });
  });

  await test.step("Wanda sends a request with a personal note", async () => {
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByLabel("Personal note").fill(NOTE);
    await page.getByRole("button", { name: "Send request" }).click();
    await expect(page.getByText(/^Requested/).first()).toBeVisible();
    await signOut(page);
  });

  await test.step("Omar sees it on the dashboard, reviews the history and the snapshot, and accepts", async () => {
    await signIn(page, OMAR.email, OMAR.password);
    await expect(page).toHaveURL("/");
    const incoming = page.locator("section", { hasText: "Incoming requests" }).first();
    await expect(incoming).toContainText("Wanda Reyes");
    await page.screenshot({ path: "test-results/artifacts/dashboard-incoming.png", fullPage: true });
    await incoming.getByRole("link", { name: /Review/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Wanda Reyes would like to connect");
    await expect(page.getByText(NOTE)).toBeVisible();
    await expect(page.getByText("Your history together")).toBeVisible();
    await expect(page.getByText("Wanda commented on your post").first()).toBeVisible();
    await expect(page.getByText(/When Wanda asked/)).toBeVisible();
    await page.screenshot({ path: "test-results/artifacts/request-review.png", fullPage: true });
    await page.getByRole("button", { name: "Accept" }).click();
    await expect(page.getByText(/connected/i).first()).toBeVisible();
  });

  await test.step("both see each other in their connections", async () => {
    await page.goto("/connections");
    await expect(page.getByRole("link", { name: /Wanda Reyes/ }).first()).toBeVisible();
    await signOut(page);
    await signIn(page, WANDA.email, WANDA.password);
    await expect(page).toHaveURL("/");
    await page.goto("/connections");
    await expect(page.getByRole("link", { name: /Omar Haddad/ }).first()).toBeVisible();
  });
});
