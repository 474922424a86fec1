import path from "node:path";
import { expect } from "vitest";
import type { z } from "zod";
import { API_ROUTES, routeFolder } from "@/lib/server/api/openapi-registry";
import type { RouteSpec } from "@/lib/server/api/route-spec";
import { ZProblem } from "@/lib/validation/api/problem";

/**
 * Drives the HTTP API the way a client does, without a server: builds a real Request,
 * finds the route module the App Router would (app/api/v1/<folder>/route.ts), calls its
 * exported method handler with the path parameters, and reads the Response. Every 2xx
 * body is parsed with the operation's response schema and every error with the problem
 * schema, so each call in every test also checks the documented shapes.
 */
// Bodies are checked against their zod schemas at run time (see call); tests then read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export type ApiResponse<T = Loose> = { status: number; headers: Headers; body: T; contentType: string | null };

export type CallOptions = {
  token?: string;
  cookie?: string;
  json?: unknown;
  /** sent as is (e.g. malformed JSON); wins over `json` */
  raw?: BodyInit;
  headers?: Record<string, string>;
};

const ROOT = path.resolve(import.meta.dirname, "../../..");

function matchSpec(method: string, rel: string): { spec: RouteSpec | null; folder: string; params: Record<string, string> } {
  for (const spec of API_ROUTES) {
    if (spec.method !== method) continue;
    const names: string[] = [];
    const re = new RegExp(`^${spec.path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), "([^/]+)"))}$`);
    const m = re.exec(rel);
    if (m) return { spec, folder: routeFolder(spec.path), params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  if (rel === "/openapi.json") return { spec: null, folder: "openapi.json", params: {} };
  return { spec: null, folder: "[...path]", params: { path: rel.slice(1) } };
}

export async function routeModule(folder: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ path.join(ROOT, "app/api/v1", folder, "route.ts"));
}

export async function call<T = Loose>(method: string, pathAndQuery: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const url = new URL(pathAndQuery, "http://localhost");
  const rel = url.pathname.replace(/^\/api\/v1/, "");
  const { spec, folder, params } = matchSpec(method, rel);
  const mod = await routeModule(folder);
  const handler = mod[method] as ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
  if (!handler) throw new Error(`No ${method} handler in app/api/v1/${folder}/route.ts`);

  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  let body: BodyInit | undefined = opts.raw;
  if (body === undefined && opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers.set("content-type", "application/json");
  }
  // Streams need half-duplex in Node's fetch Request.
  const init = { method, headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit;
  const res = await handler(new Request(url, init), { params: Promise.resolve(params) });
  const text = await res.text();
  const contentType = res.headers.get("content-type");
  const parsed = text ? JSON.parse(text) : undefined;

  if (res.status >= 400) {
    expect(contentType, `${method} ${pathAndQuery} → ${res.status} should be problem+json`).toBe("application/problem+json");
    ZProblem.parse(parsed);
    expect(parsed.status).toBe(res.status);
  } else if (spec?.response) {
    expectShape(spec.response, parsed, `${method} ${pathAndQuery}`);
  }
  return { status: res.status, headers: res.headers, body: parsed as T, contentType };
}

/** Parses with the schema, failing the test with zod's message (which names the field). */
export function expectShape<S extends z.ZodType>(schema: S, value: unknown, where = "response"): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`${where} does not match its schema: ${r.error.message}`);
  return r.data;
}

export const get = <T = Loose>(p: string, o?: CallOptions) => call<T>("GET", p, o);
export const post = <T = Loose>(p: string, json?: unknown, o?: CallOptions) => call<T>("POST", p, { ...o, json });
export const put = <T = Loose>(p: string, json?: unknown, o?: CallOptions) => call<T>("PUT", p, { ...o, json });
export const patch = <T = Loose>(p: string, json?: unknown, o?: CallOptions) => call<T>("PATCH", p, { ...o, json });
export const del = <T = Loose>(p: string, o?: CallOptions) => call<T>("DELETE", p, o);

/** Fills a spec path's parameters with harmless placeholders. */
export const samplePath = (spec: RouteSpec) =>
  `/api/v1${spec.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === "handle" ? "someone" : "c0000000000000000000000000"))}`;

/** A member's token, created through the API with their email and password. */
export async function tokenFor(email: string, password: string, name = "tests"): Promise<string> {
  const res = await post("/api/v1/tokens", { email, password, name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.token as string;
}
