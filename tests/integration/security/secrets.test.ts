import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { authOptions } from "@/lib/server/auth/options";
import { secureCookies, sessionCookieName } from "@/lib/server/auth/cookies";
import { startSession } from "@/lib/server/auth/session";
import { callRoute, discoverRoutes, type DiscoveredRoute } from "@/tests/support/api-routes";
import { useTestDatabase } from "@/tests/support/test-database";
import { failAtWrite } from "@/tests/support/faults";
import { tampered } from "@/tests/support/tamper";
import { missingPublicUrlMessage, missingSecretMessage } from "@/lib/env";

const jar = { set: [] as { name: string; value: string; options: Record<string, unknown> }[] };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.3" }),
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    set: (name: string, value: string, options: Record<string, unknown>) => void jar.set.push({ name, value, options }),
    delete: () => {},
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const t = useTestDatabase();
const ROOT = path.resolve(import.meta.dirname, "../../..");
let routes: DiscoveredRoute[];
const route = (method: string, p: string) => routes.find((r) => r.method === method && r.path === p)!;

beforeAll(async () => {
  routes = await discoverRoutes();
});
afterEach(() => {
  vi.unstubAllEnvs();
  jar.set = [];
});

describe("the session cookie", () => {
  it.each([
    ["https://rapport.example", true, "__Secure-next-auth.session-token"],
    ["http://localhost:3100", false, "next-auth.session-token"],
  ])("public URL %s: HttpOnly, SameSite=Lax, Secure=%s", async (url, secure, name) => {
    vi.stubEnv("NEXTAUTH_URL", url);
    expect(secureCookies()).toBe(secure);
    expect(sessionCookieName()).toBe(name);
    const opts = authOptions();
    expect(opts.useSecureCookies).toBe(secure);
    expect(opts.cookies?.sessionToken).toMatchObject({ name, options: { httpOnly: true, sameSite: "lax", secure, path: "/" } });

    await startSession("member-id", 0);
    expect(jar.set).toHaveLength(1);
    expect(jar.set[0]).toMatchObject({ name, options: { httpOnly: true, sameSite: "lax", secure, path: "/" } });
  });

  it("production with no public URL configured is Secure", () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("NODE_ENV", "production");
    expect(secureCookies()).toBe(true);
  });
});

describe("passwords and tokens never reach the logs", () => {
  it("sign-up, a wrong password, token creation, token use and failing requests", async () => {
    const PASSWORD = "Correct-Horse-Battery-9137";
    const WRONG = "Wrong-Horse-Battery-2468";
    const out: string[] = [];
    const capture = (...args: unknown[]) => void out.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) => vi.spyOn(console, m).mockImplementation(capture));
    const writes = [vi.spyOn(process.stdout, "write"), vi.spyOn(process.stderr, "write")].map((s) =>
      s.mockImplementation(((chunk: unknown) => (out.push(String(chunk)), true)) as never),
    );
    let token = "";
    try {
      const ip = { "x-forwarded-for": "198.51.100.4" };
      const signup = await callRoute(route("POST", "/signup"), { json: { email: "logs@example.test", password: PASSWORD, handle: "logs_test", name: "Logs" }, headers: ip });
      expect(signup.status).toBe(201);
      expect((await callRoute(route("POST", "/tokens"), { json: { email: "logs@example.test", password: WRONG, name: "x" }, headers: ip })).status).toBe(401);
      const created = await callRoute(route("POST", "/tokens"), { json: { email: "logs@example.test", password: PASSWORD, name: "cli" }, headers: ip });
      expect(created.status).toBe(201);
      token = (created.json as { token: string }).token;
      expect((await callRoute(route("GET", "/me"), { token })).status).toBe(200);
      // A bad token, a malformed body, and requests that fail inside the database.
      expect((await callRoute(route("GET", "/me"), { token: tampered(token, "last") })).status).toBe(401);
      expect((await callRoute(route("POST", "/posts"), { token, raw: `{"body": "${PASSWORD}` })).status).toBe(400);
      const failedPost = await failAtWrite(t.opened, 0, async () => {
        const res = await callRoute(route("POST", "/posts"), { token, json: { body: `my password is ${PASSWORD}` } });
        if (res.status !== 500) throw new Error(`expected a 500, got ${res.status}`);
      });
      expect(failedPost).toBeUndefined();
      const failedSignIn = await failAtWrite(t.opened, 0, async () => {
        const res = await callRoute(route("POST", "/tokens"), { json: { email: "logs@example.test", password: PASSWORD, name: "x" }, headers: ip });
        if (res.status !== 500) throw new Error(`expected a 500, got ${res.status}`);
      });
      expect(failedSignIn).toBeUndefined();
      // The web forms too.
      const { signInAction, signUpAction } = await import("@/lib/server/actions/auth");
      const form = (o: Record<string, string>) => Object.entries(o).reduce((f, [k, v]) => (f.set(k, v), f), new FormData());
      await signInAction({}, form({ email: "logs@example.test", password: WRONG })).catch(() => {});
      await signUpAction({}, form({ email: "logs@example.test", password: PASSWORD, handle: "logs_test", name: "Again" })).catch(() => {});
    } finally {
      for (const s of [...spies, ...writes]) s.mockRestore();
    }
    const all = out.join("\n");
    expect(all.length).toBeGreaterThan(0); // the failures above were logged…
    expect(all).toContain("unexpected error");
    expect(all).not.toContain(PASSWORD); // …without the password,
    expect(all).not.toContain(WRONG);
    expect(token).toMatch(/^rpt_/);
    expect(all).not.toContain(token); // the token,
    expect(all).not.toContain(token.slice(4, 30)); // or a useful part of it
  });
});

describe("AUTH_SECRET and NEXTAUTH_URL in production", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-secret-test-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const run = (file: string, env: { NODE_ENV: "production"; AUTH_SECRET?: string; NEXTAUTH_URL?: string; RAPPORT_WORKER?: string }) =>
    spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, RAPPORT_DATA_DIR: dataDir, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("lib/server/auth/secret.ts refuses to make one up, with a clear message", () => {
    const r = run("tests/support/check-auth-secret.ts", { NODE_ENV: "production" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(missingSecretMessage());
    expect(r.stderr).toMatch(/AUTH_SECRET is not set.*openssl rand -base64 32/s);
  });

  it("and uses the one it is given", () => {
    const r = run("tests/support/check-auth-secret.ts", { NODE_ENV: "production", AUTH_SECRET: "s".repeat(44) });
    expect(r.stdout.trim()).toBe("ok 44");
    expect(r.status).toBe(0);
  });

  it("instrumentation-node.ts stops the server at startup with exit code 1 and the message", () => {
    const r = run("instrumentation-node.ts", { NODE_ENV: "production", NEXTAUTH_URL: "https://rapport.example" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(missingSecretMessage());
    // RAPPORT_WORKER=off: with the checks passed, the script would otherwise go on to start the job worker
    expect(
      run("instrumentation-node.ts", { NODE_ENV: "production", AUTH_SECRET: "x".repeat(44), NEXTAUTH_URL: "https://rapport.example", RAPPORT_WORKER: "off" }).status,
    ).toBe(0);
  });

  it("and without NEXTAUTH_URL, with one line saying what to set", () => {
    const r = run("instrumentation-node.ts", { NODE_ENV: "production", AUTH_SECRET: "x".repeat(44) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(missingPublicUrlMessage());
  });

  it("session cookies signed with another secret are not accepted", async () => {
    const forged = await encode({ token: { sub: "someone" }, secret: "not-the-server-secret-0123456789abcdef" });
    const res = await callRoute(route("GET", "/me"), { headers: { cookie: `${sessionCookieName()}=${forged}` } });
    expect(res.status).toBe(401);
  });
});
