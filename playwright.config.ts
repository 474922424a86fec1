import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys against the built app (`npm run build` first). The web server gets a
 * fresh embedded database in .data-e2e, wiped, migrated and seeded by
 * tests/e2e/support/start-server.mjs before `next start` — in the server command itself,
 * because Playwright starts the web server before any globalSetup runs.
 */
// E2E_PORT lets several checkouts run their journeys side by side.
const PORT = Number(process.env.E2E_PORT || 3100);
const BASE_URL = `http://localhost:${PORT}`;
const CI = Boolean(process.env.CI);

// Debian's Chromium where Playwright cannot download its own (see BUILD-NOTES); an explicit
// PLAYWRIGHT_CHROMIUM_PATH wins; otherwise Playwright's bundled browser.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    // Kept in test-results/ as artifacts, passing or not.
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node tests/e2e/support/start-server.mjs",
    url: `${BASE_URL}/signin`,
    reuseExistingServer: !CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: "",
      RAPPORT_DATA_DIR: ".data-e2e",
      E2E_PORT: String(PORT),
      NEXTAUTH_URL: BASE_URL,
      AUTH_SECRET: "e2e-only-secret-do-not-use-anywhere-else-0123456789",
      // Every journey signs up from the same address.
      RAPPORT_SIGNUP_MAX_PER_IP: "1000",
      RAPPORT_SIGNIN_MAX_PER_IP: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
});
