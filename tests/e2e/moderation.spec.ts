import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { newAccount, signIn, signUp } from "./support/accounts";

// The demo seed makes Ana an admin (prisma/seed/demo.ts).
const ADMIN = { email: "ana@demo.rapport.test", password: "rapport-demo-2026" };

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a member reports a post, an admin removes it, and its interactions stop counting", async ({ browser }) => {
  const author = newAccount("author");
  const member = newAccount("reader");
  const body = `Notes from running Postgres upgrades with zero downtime ${Date.now()}`;
  const authorPage = await newPage(browser);
  const memberPage = await newPage(browser);
  let postId = "";

  await test.step("the author posts", async () => {
    await signUp(authorPage, author);
    await authorPage.goto("/feed");
    await authorPage.getByLabel("Write a post").fill(body);
    await authorPage.getByRole("button", { name: "Post", exact: true }).click();
    const post = authorPage.locator("article", { hasText: body });
    await expect(post).toBeVisible();
    const href = await post.locator('a[href^="/feed/p/"]').first().getAttribute("href");
    postId = href!.replace("/feed/p/", "").split(/[#?]/)[0];
    expect(postId).not.toBe("");
  });

  await test.step("another member comments on it and is warming up with the author", async () => {
    await signUp(memberPage, member);
    await memberPage.goto(`/feed/p/${postId}`);
    const post = memberPage.locator("article", { hasText: body });
    await post.getByLabel("Comment", { exact: true }).fill("Great write-up, the lock timeout trick saved us last month.");
    await post.getByRole("button", { name: "Comment", exact: true }).click();
    await expect(memberPage.getByText("the lock timeout trick saved us")).toBeVisible();
    await memberPage.goto(`/u/${author.handle}`);
    await expect(memberPage.getByText("Points: 3 of 6")).toBeVisible();
  });

  await test.step("the member reports the post", async () => {
    await memberPage.goto(`/feed/p/${postId}`);
    const post = memberPage.locator("article", { hasText: body });
    // The inline Report control once it is wired into posts (the post's own comes before its
    // comments'); the /report page fallback works either way.
    const inline = post.locator("summary", { hasText: /^Report$/ });
    let form: Locator = memberPage.getByRole("main");
    if ((await inline.count()) > 0) {
      await inline.first().click();
      form = post.locator("details[open]").filter({ has: memberPage.getByRole("button", { name: "Send report" }) });
    } else {
      await memberPage.goto(`/report?type=post&id=${postId}`);
    }
    await form.getByRole("radio", { name: /Spam/ }).check();
    await form.getByLabel(/Details/).fill("Looks like an ad for a consultancy.");
    await form.getByRole("button", { name: "Send report" }).click();
    await expect(form.getByRole("status").filter({ hasText: "A moderator will look at it" })).toBeVisible();
  });

  await test.step("the admin removes it from the queue", async () => {
    const adminPage = await newPage(browser);
    await signIn(adminPage, ADMIN.email, ADMIN.password);
    await expect(adminPage).toHaveURL("/");
    await adminPage.goto("/admin");
    await expect(adminPage.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
    const item = adminPage.getByTestId("report-item").filter({ hasText: body });
    await expect(item).toContainText("Spam");
    await expect(item).toContainText(`@${member.handle}`);
    await expect(item).toContainText("Looks like an ad for a consultancy.");
    await item.getByRole("button", { name: "Remove post" }).click();
    await expect(item.getByRole("status").filter({ hasText: "1 interaction no longer counts" })).toBeVisible();
    await adminPage.reload();
    await expect(adminPage.getByTestId("report-item").filter({ hasText: body })).toHaveCount(0);
    await adminPage.goto("/admin/audit");
    await expect(adminPage.getByTestId("audit-row").filter({ hasText: "Removed content" }).first()).toBeVisible();
    await adminPage.context().close();
  });

  await test.step("the comment on it no longer counts toward the member's warm-up", async () => {
    await memberPage.goto(`/u/${author.handle}`);
    await expect(memberPage.getByText("Points: 0 of 6")).toBeVisible();
    await expect(memberPage.getByText(/^\W*Removed$/).first()).toBeVisible();
    await memberPage.goto(`/feed/p/${postId}`);
    await expect(memberPage.getByText("This post was removed.")).toBeVisible();
  });

  await test.step("members cannot see the admin pages", async () => {
    for (const path of ["/admin", "/admin/members", "/admin/settings", "/admin/audit"]) {
      await memberPage.goto(path);
      await expect(memberPage.getByRole("heading", { level: 1, name: "Not found" }), path).toBeVisible();
      await expect(memberPage.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
    }
  });
});
