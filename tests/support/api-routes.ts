import fs from "node:fs";
import path from "node:path";

/**
 * The HTTP API as the App Router sees it, found by walking app/api/v1 (not the route
 * registry): a route file nobody registered is still attacked by the security tests.
 * `callRoute` builds a real Request and calls the exported method handler, as Next.js would,
 * and hands back the raw answer (status, headers, text) without judging it.
 */
export const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type DiscoveredRoute = {
  /** "/posts/{id}/reaction" — the folder with [x] written as {x}; "[...path]" as "{...path}" */
  path: string;
  file: string;
  method: HttpMethod;
  handler: RouteHandler;
  /** path parameter names, in order */
  params: string[];
};

function routeFiles(dir = API_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/**
 * Every exported method handler of every route file under app/api/v1: the routes
 * themselves, or (`refusing`) the handlers that only answer 405 for the methods a file does
 * not implement (lib/server/api/method-not-allowed.ts).
 */
export async function discoverRoutes({ refusing = false }: { refusing?: boolean } = {}): Promise<DiscoveredRoute[]> {
  const out: DiscoveredRoute[] = [];
  for (const file of routeFiles().sort()) {
    const rel = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
    const params: string[] = [];
    const segs = rel.map((s) => {
      const m = /^\[(\.\.\.)?(\w+)\]$/.exec(s);
      if (!m) return s;
      params.push(m[2]);
      return `{${m[1] ?? ""}${m[2]}}`;
    });
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of METHODS) {
      const handler = mod[method] as (RouteHandler & { methodNotAllowed?: true }) | undefined;
      if (typeof handler === "function" && Boolean(handler.methodNotAllowed) === refusing) {
        out.push({ path: `/${segs.join("/")}`, file, method, handler: mod[method] as RouteHandler, params });
      }
    }
  }
  return out;
}

export type RawAnswer = { status: number; headers: Headers; text: string; json: unknown };

export type CallInit = {
  params?: Record<string, string>;
  query?: string;
  token?: string;
  headers?: Record<string, string>;
  /** serialised with JSON.stringify */
  json?: unknown;
  /** sent as is; wins over json */
  raw?: string;
};

/** Calls one route handler with a real Request, as the App Router would. */
export async function callRoute(route: DiscoveredRoute, init: CallInit = {}): Promise<RawAnswer> {
  const params = init.params ?? {};
  const concrete = route.path.replace(/\{(?:\.\.\.)?(\w+)\}/g, (_, n: string) => encodeURIComponent((params[n] ?? "x").toWellFormed()));
  const url = new URL(`/api/v1${concrete}${init.query ? `?${init.query}` : ""}`, "http://localhost");
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body: string | undefined = init.raw;
  if (body === undefined && init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  }
  const hasBody = body !== undefined && route.method !== "GET";
  const req = new Request(url, { method: route.method, headers, body: hasBody ? body : undefined });
  // Only the route's own parameters, as Next.js passes them ([...path] as segments).
  const ctxParams: Record<string, string | string[]> = {};
  for (const n of route.params) ctxParams[n] = n === "path" ? (params.path ?? "x").split("/") : (params[n] ?? "x");
  const res = await route.handler(req, { params: Promise.resolve(ctxParams) });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const routeName = (r: Pick<DiscoveredRoute, "method" | "path">) => `${r.method} ${r.path}`;
