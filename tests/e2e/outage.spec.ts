import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { freePort, startServer, type BenchServer } from "../../scripts/bench/server";

/**
 * A page while the database is away: a second built server whose DATABASE_URL points at a
 * port nobody listens on. The member sees a calm page that says what is happening and offers
 * to try again — never a stack trace or a driver message.
 */
let server: BenchServer;
const SECRET = "outage-e2e-secret-0123456789abcdef0123456789";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-outage-"));
  server = await startServer({ databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/rapport`, logDir, extraEnv: { AUTH_SECRET: SECRET } });
});
test.afterAll(async () => server?.stop());

async function expectCalmOutagePage(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Rapport can't reach its database right now" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(/ECONNREFUSED|Prisma|at .*\.js:\d+|Error:/);
}

test("a signed-in member (the root layout itself reads the database) gets the same calm page", async ({ page, context }) => {
  const jwt = await encode({ token: { sub: "someone" }, secret: SECRET, maxAge: 3600 });
  await context.addCookies([{ name: "next-auth.session-token", value: jwt, url: server.origin }]);
  const res = await page.goto(`${server.origin}/feed`);
  expect(res?.status()).toBeGreaterThanOrEqual(500);
  await expectCalmOutagePage(page);
  await expect(page).toHaveTitle(/Try again in a moment/); // app/global-error.tsx
});

test("a page during a database outage says so calmly and offers to try again", async ({ page }) => {
  const res = await page.goto(`${server.origin}/feed`);
  expect(res?.status()).toBeGreaterThanOrEqual(500);
  await expectCalmOutagePage(page);
  await expect(page.getByRole("status")).toHaveText(/Try again in a moment/);
  const retry = page.getByRole("button", { name: "Try again" });
  await expect(retry).toBeVisible();
  await retry.focus();
  await expect(retry).toBeFocused();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/ECONNREFUSED|Prisma|at .*\.js:\d+|Error:/);

  // Still away: the same words while it tries again and after, never a crash or a flash of others.
  await retry.click();
  for (let i = 0; i < 8; i++) {
    expect(await page.locator("h1").allInnerTexts()).toEqual(["Rapport can't reach its database right now"]);
    await page.waitForTimeout(150);
  }

  const probe = await page.request.get(`${server.origin}/api/health/database`);
  expect(probe.status()).toBe(503);
  expect(probe.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await probe.json()).toMatchObject({ code: "unavailable" });
});
