import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { RssSampler } from "./processes";

export type BenchServer = { origin: string; pid: number; logFile: string; rss: RssSampler; stop: () => Promise<void> };

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `next start` on a free port against `databaseUrl`, in production mode, with the query
 * counter preloaded (scripts/bench/query-counter.cjs; RAPPORT_QUERY_LOG=1). Resolves once
 * GET /api/health answers.
 */
export async function startServer(p: {
  databaseUrl: string;
  port?: number;
  poolSize?: number;
  logDir: string;
  extraEnv?: Record<string, string>;
  /** answered once the server is up (the health route, unless told otherwise) */
  readyPath?: string;
  /** extra node flags, e.g. --cpu-prof to profile the server */
  nodeArgs?: string[];
  /** the Next.js project directory to start (default: the app itself) */
  dir?: string;
}): Promise<BenchServer> {
  const port = p.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const counter = path.resolve("scripts/bench/query-counter.cjs");
  const logFile = path.join(p.logDir, `server-${port}.log`);
  const log = fs.openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: p.databaseUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: origin,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    RAPPORT_QUERY_LOG: "1",
    // The bench measures throughput from one address with one token: read limits would cap it.
    RAPPORT_READ_LIMIT_PER_MINUTE: "0",
    RAPPORT_READ_LIMIT_PER_IP_PER_MINUTE: "0",
    // No job worker in the measured process (`npm start` runs one unless told otherwise): its
    // background work (emails the writes queue, summaries coming due) would be charged to
    // whichever path is running. RAPPORT_WORKER=on in the bench's environment keeps it.
    RAPPORT_WORKER: process.env.RAPPORT_WORKER === "on" ? "on" : "off",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${counter}`.trim(),
    ...(p.poolSize ? { DATABASE_POOL_SIZE: String(p.poolSize) } : {}),
    ...p.extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, [...(p.nodeArgs ?? []), path.resolve("node_modules/next/dist/bin/next"), "start", ...(p.dir ? [p.dir] : []), "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", log, log],
  });
  const rss = new RssSampler(child.pid!);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.closeSync(log);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}; see ${logFile}`);
    const ok = await fetch(`${origin}${p.readyPath ?? "/api/health"}`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer on ${origin} within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, pid: child.pid!, logFile, rss, stop };
}

/** Statements the server has sent to PostgreSQL so far (from /api/health, counted by the preload). */
export async function queryCount(origin: string): Promise<{ queries: number; control: number }> {
  const body = (await (await fetch(`${origin}/api/health`)).json()) as { queries?: number; control?: number };
  if (body.queries === undefined) throw new Error("GET /api/health reports no query count: is the build older than app/api/health/route.ts?");
  return { queries: body.queries, control: body.control ?? 0 };
}

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${res.status}).`);
  return session.split(";")[0];
}

/** POST /api/v1/tokens with email and password; null when the route is not in this build. */
export async function createToken(origin: string, email: string, password: string): Promise<string | null> {
  const res = await fetch(`${origin}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, name: "bench" }),
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`POST /api/v1/tokens answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
