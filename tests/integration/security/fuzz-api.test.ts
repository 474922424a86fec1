import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_ROUTES } from "@/lib/server/api/openapi-registry";
import { callRoute, discoverRoutes, routeName, type DiscoveredRoute } from "@/tests/support/api-routes";
import { useTestDatabase } from "@/tests/support/test-database";
import { buildWorld, requestFor, type World } from "./world";

/**
 * Hostile input, generated: every body-taking route gets arbitrary JSON (deep objects, huge
 * and odd strings, NUL bytes, lone surrogates, numbers as strings, prototype-pollution keys),
 * records of its own field names filled with the wrong things, and non-JSON text; every
 * route gets arbitrary query strings and path parameters. The answer must be 2xx, or 4xx
 * problem+json — never a 500, never a stack trace. FUZZ_RUNS sets the cases per route.
 */
const t = useTestDatabase();
const RUNS = Number(process.env.FUZZ_RUNS || 200);
const QUERY_RUNS = Math.max(20, Math.round(RUNS / 4));

let routes: DiscoveredRoute[] = [];
let w: World;
const counts: Record<string, number> = {};
const errorLog: unknown[][] = [];

beforeAll(async () => {
  routes = (await discoverRoutes()).filter((r) => !r.path.includes("{...path}"));
  w = await buildWorld(t.db, new Date());
  // Unexpected errors are logged by the handler before it answers 500; keep them for the report.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errorLog.push(args));
});
afterAll(() => {
  vi.restoreAllMocks();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.info(`[fuzz] ${total} cases over ${Object.keys(counts).length} routes`);
});

// ---- arbitraries -----------------------------------------------------------------------

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }), // any code point, lone surrogates included
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF", "\u202E", "﻿", "null", "undefined", "NaN", "-1", "1e309", "0x10",
    "true", "[]", "{}", "<script>alert(1)</script>", "javascript:alert(1)", "' OR 1=1 --", "%00", "%", "../../etc/passwd",
    "😀".repeat(600), "@".repeat(40), "__proto__", "constructor",
  ),
  fc.integer({ min: 0, max: 4 }).map((k) => "x".repeat([300, 2_001, 10_000, 40_000, 66_000][k])),
);

const pollutionKeys = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf");

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: "small" },
  weirdString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, 0, -0, 1e308, -1, Number.MAX_SAFE_INTEGER + 2, [], {}),
  fc.integer().map(String), // numbers as strings
  fc.array(weirdString, { maxLength: 3 }),
  fc.dictionary(pollutionKeys, fc.jsonValue({ maxDepth: 2 })),
);

/** A deep object: { a: { a: { … } } } a few hundred levels down. */
const deep = fc.integer({ min: 50, max: 600 }).map((n) => {
  let v: unknown = "bottom";
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
});

function fieldNames(route: DiscoveredRoute): string[] {
  const spec = API_ROUTES.find((s) => s.method === route.method && s.path === route.path);
  const shape = (spec?.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Records of the route's own field names (so the fuzz reaches past "unknown field"). */
function ownFields(names: string[]): fc.Arbitrary<unknown> {
  if (names.length === 0) return fc.constant({});
  return fc.record(Object.fromEntries(names.map((n) => [n, hostileValue])), { requiredKeys: [] }).chain((rec) =>
    fc.oneof(fc.constant(rec), fc.tuple(pollutionKeys, fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => ({ ...(rec as object), [k]: v }))),
  );
}

/** A valid body with one field replaced by something hostile: reaches the services. */
function nearlyValid(route: DiscoveredRoute): fc.Arbitrary<unknown> {
  const valid = requestFor(route, w).json as Record<string, unknown> | undefined;
  if (!valid || typeof valid !== "object") return fc.constant(valid ?? {});
  const keys = Object.keys(valid);
  return fc.tuple(fc.constantFrom(...keys), fc.oneof(weirdString, hostileValue)).map(([k, v]) => ({ ...valid, [k]: v }));
}

type Body = { raw: string } | { json: unknown };
function bodyArb(route: DiscoveredRoute): fc.Arbitrary<Body> {
  return fc.oneof(
    nearlyValid(route).map((json) => ({ json })),
    nearlyValid(route).map((json) => ({ json })),
    fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })),
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }).map((v) => ({ json: toJsonable(v) })),
    ownFields(fieldNames(route)).map((json) => ({ json })),
    ownFields(fieldNames(route)).map((json) => ({ json })),
    deep.map((json) => ({ json })),
    weirdString.map((raw) => ({ raw })),
    fc.constantFrom('{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', "{", "[", '{"a":1,}', "\u0000").map((raw) => ({ raw })),
  );
}

/** fc.anything may produce undefined, bigint, symbols-free objects… make it JSON-serialisable. */
function toJsonable(v: unknown): unknown {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
    return s === undefined ? null : JSON.parse(s);
  } catch {
    return null;
  }
}

const queryArb = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom("limit", "cursor", "author", "role", "status", "direction", "q", "sort", "__proto__"), fc.string({ maxLength: 8 })), weirdString, { maxKeys: 4 }).map(
    (d) => new URLSearchParams(d as Record<string, string>).toString(),
  ),
  fc.string({ maxLength: 60 }).map((s) => encodeURI(s.replace(/[\uD800-\uDFFF]/g, ""))),
  fc.constantFrom("limit=-1", "limit=1e9", "limit=NaN", "limit=0x10", "limit=1.5", "limit= 5", "cursor=%00", "cursor=" + "A".repeat(5000), "a=1&a=2&a=3", "%", "%%", "&&&", "limit"),
);

function paramsArb(route: DiscoveredRoute): fc.Arbitrary<Record<string, string>> {
  const real = { id: w.postX, handle: w.x.handle };
  if (route.params.length === 0) return fc.constant({});
  return fc.record(
    Object.fromEntries(
      route.params.map((p) => [p, fc.oneof(fc.constant(real[p as "id" | "handle"] ?? "x"), weirdString.map((s) => s.slice(0, 300)), fc.constantFrom("%", "@@", "..", "x".repeat(65)))]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
}

// ---- the property ----------------------------------------------------------------------

function judge(route: DiscoveredRoute, status: number, contentType: string | null, text: string): string | null {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  if (status < 200 || (status >= 300 && status < 400)) return `unexpected status ${status}`;
  if (status >= 400 && contentType !== "application/problem+json") return `4xx without problem+json (${contentType})`;
  if (/\n\s+at |node_modules|\/work\/|[\w-]+\.tsx?:\d+|PrismaClient|prisma\.|invalid byte sequence/i.test(text)) return `internals in body: ${text.slice(0, 300)}`;
  return null;
}

async function fuzzOne(route: DiscoveredRoute, params: Record<string, string>, query: string | undefined, body: Body | undefined) {
  const res = await callRoute(route, { token: w.tokens.other, params, query, ...(body ?? {}) });
  counts[routeName(route)] = (counts[routeName(route)] ?? 0) + 1;
  const problem = judge(route, res.status, res.headers.get("content-type"), res.text);
  if (problem) {
    const sent = JSON.stringify({ params, query, body }).slice(0, 400);
    throw new Error(`${routeName(route)} → ${problem}\n  sent: ${sent}\n  logged: ${String(errorLog.at(-1)?.[1] ?? "").slice(0, 400)}`);
  }
}

describe("fuzzing every API body and query", () => {
  it("finds the routes", () => {
    expect(routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method)).length).toBeGreaterThanOrEqual(20);
  });

  it("body-taking routes never answer 500 or leak internals", { timeout: 600_000 }, async () => {
    for (const route of routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method))) {
      await fc.assert(
        fc.asyncProperty(paramsArb(route), fc.option(queryArb, { freq: 4 }), bodyArb(route), async (params, query, body) =>
          fuzzOne(route, params, query ?? undefined, body),
        ),
        { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
      );
    }
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("every route's query string and path parameters", { timeout: 600_000 }, async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(paramsArb(route), queryArb, async (params, query) => fuzzOne(route, params, query, undefined)),
        { numRuns: QUERY_RUNS },
      );
    }
  });

  it("ran the promised number of cases", () => {
    const bodyRoutes = routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method));
    for (const r of bodyRoutes) expect(counts[routeName(r)], routeName(r)).toBeGreaterThanOrEqual(RUNS);
    expect(errorLog.filter((args) => String(args[0]).includes("unexpected error"))).toEqual([]);
  });
});

