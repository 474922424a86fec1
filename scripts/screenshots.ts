/**
 * Takes full-page screenshots of the running app, signed in as a demo member, at desktop and
 * phone widths, light and dark. For looking at the pages, not for tests.
 *   npx tsx scripts/screenshots.ts --base http://localhost:3000 --as ana@demo.rapport.test --out /tmp/shots / /feed /u/ben
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args.splice(i, 2)[1] ?? fallback) : fallback;
};
const base = opt("base", "http://localhost:3000");
const email = opt("as", "");
const password = opt("password", "rapport-demo-2026");
const out = opt("out", "screenshots");
const paths = args.length ? args : ["/"];
fs.mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
});
for (const [label, viewport, scheme] of [
  ["desktop", { width: 1280, height: 900 }, "light"],
  ["phone", { width: 390, height: 844 }, "light"],
  ["dark", { width: 1280, height: 900 }, "dark"],
  ["phone-dark", { width: 390, height: 844 }, "dark"],
] as const) {
  const context = await browser.newContext({ viewport, colorScheme: scheme });
  const page = await context.newPage();
  if (email) {
    await page.goto(`${base}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  }
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    const file = path.join(out, `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await browser.close();
