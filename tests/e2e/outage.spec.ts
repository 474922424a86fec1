import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, startServer, type BenchServer } from "../../scripts/bench/server";

/**
 * A page while the database is away: a second built server whose DATABASE_URL points at a
 * port nobody listens on. The member sees a calm page that says what is happening and offers
 * to try again — never a stack trace or a driver message.
 */
let server: BenchServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-outage-"));
  server = await startServer({ databaseUrl: `postgresql://postgres@127.0.0.1:${await freePort()}/rapport`, logDir });
});
test.afterAll(async () => server?.stop());

test("a page during a database outage says so calmly and offers to try again", async ({ page }) => {
  const res = await page.goto(`${server.origin}/feed`);
  expect(res?.status()).toBeGreaterThanOrEqual(500);
  await expect(page.getByRole("heading", { level: 1, name: "Rapport can't reach its database right now" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Try again in a moment/);
  const retry = page.getByRole("button", { name: "Try again" });
  await expect(retry).toBeVisible();
  await retry.focus();
  await expect(retry).toBeFocused();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/ECONNREFUSED|Prisma|at .*\.js:\d+|Error:/);

  await retry.click(); // still away: the same page, not a crash
  await expect(page.getByRole("heading", { level: 1, name: "Rapport can't reach its database right now" })).toBeVisible();

  const probe = await page.request.get(`${server.origin}/api/health/database`);
  expect(probe.status()).toBe(503);
  expect(probe.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await probe.json()).toMatchObject({ code: "unavailable" });
});
