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
 * write (POST, PUT, PATCH, DELETE) also gets Idempotency-Key headers — none, fresh, malformed,
 * or a few keys shared by all cases, so a key comes back with another body, path or route,
 * and sometimes the same key is sent twice in a row with two different bodies; every route
 * gets arbitrary query strings and odd path parameters (other things' ids, encodings, huge
 * values). The answer must be 2xx, or 4xx problem+json — never a 500, never a stack trace.
 * At least MIN_WRITE_CASES cases go to the write routes (spread evenly; FUZZ_RUNS sets the
 * cases per write route instead). A member would notice a failure here as an error page or a
 * leaked internal after a slip of their client or someone's probing.
 */
const t = useTestDatabase();
const MIN_WRITE_CASES = 10_000;
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const isWrite = (r: DiscoveredRoute) => WRITE_METHODS.includes(r.method);
/** Cases per write route: FUZZ_RUNS, or enough for MIN_WRITE_CASES across all of them. */
let RUNS = 0;
let QUERY_RUNS = 0;

let routes: DiscoveredRoute[] = [];
let w: World;
const counts: Record<string, number> = {};
const statuses: Record<string, number> = {};
const keyed = { fresh: 0, shared: 0, malformed: 0, twice: 0 };
const errorLog: unknown[][] = [];

beforeAll(async () => {
  routes = (await discoverRoutes()).filter((r) => !r.path.includes("{...path}"));
  RUNS = Number(process.env.FUZZ_RUNS) || Math.ceil(MIN_WRITE_CASES / routes.filter(isWrite).length);
  QUERY_RUNS = Math.max(20, Math.round(RUNS / 8));
  w = await buildWorld(t.db, new Date());
  // Unexpected errors are logged by the handler before it answers 500; keep them for the report.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errorLog.push(args));
});
afterAll(() => {
  vi.restoreAllMocks();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const writes = routes.filter(isWrite).map(routeName);
  const writeTotal = writes.reduce((a, n) => a + (counts[n] ?? 0), 0);
  console.info(
    `[fuzz] ${total} cases over ${Object.keys(counts).length} routes; ${writeTotal} on ${writes.length} write routes ` +
      `(${keyed.fresh} with a fresh Idempotency-Key, ${keyed.shared} a shared one, ${keyed.malformed} a malformed one, ${keyed.twice} keys sent twice with another body); ` +
      `statuses ${JSON.stringify(statuses)}; ${statuses["5xx"] ?? 0} answers ≥ 500`,
  );
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

/** Path parameters that are odd in shape or point at the wrong kind of thing. */
function oddParam(): fc.Arbitrary<string> {
  return fc.oneof(
    // another kind of thing's real id, or a member's handle where an id goes (and vice versa)
    fc.constantFrom(w.postX, w.commentX, w.kudosX, w.requestYX, w.logYX, w.logXW, w.xToken.id, w.x.id, w.x.handle, w.members.admin.handle, w.y.handle),
    fc.constantFrom(
      "%", "%25", "%2F", "a/b", "..", ".", "../..", "..%2F..", "@@", "@" + w.x.handle, w.x.handle.toUpperCase(), ` ${w.x.handle} `,
      "null", "undefined", "0", "-1", "1e3", "[]", "{}", "00000000-0000-0000-0000-000000000000", "c" + "0".repeat(24),
      "x".repeat(65), "x".repeat(10_000), "ｉｄ", "İ", "ß", "\u0000", "a\u0000b", "\uFEFF" + w.x.handle, "\u202E" + w.postX,
    ),
    fc.uuid(),
    fc.stringMatching(/^c[a-z0-9]{24}$/), // shaped like a cuid, pointing at nothing
  );
}

function paramsArb(route: DiscoveredRoute): fc.Arbitrary<Record<string, string>> {
  const real = { id: w.postX, handle: w.x.handle };
  if (route.params.length === 0) return fc.constant({});
  return fc.record(
    Object.fromEntries(
      route.params.map((p) => [p, fc.oneof(fc.constant(real[p as "id" | "handle"] ?? "x"), weirdString.map((s) => s.slice(0, 300)), oddParam())]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
}

/**
 * Idempotency-Key values. Header values must be byte strings without NUL, CR or LF (a client
 * cannot send anything else), so the malformed ones are malformed within that: empty, too
 * long, spaces, control characters, Latin-1, quotes.
 */
type KeyChoice = { kind: "none" } | { kind: "fresh" | "shared" | "malformed"; value: string };
const headerSafe = (s: string) => s.replace(/[^\u0001-\u00ff]|[\r\n]/g, "");
const SHARED_KEYS = ["fuzz-shared-1", "fuzz-shared-2", "fuzz-shared-3", '"fuzz-shared-1"'];
const keyArb: fc.Arbitrary<KeyChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 3, arbitrary: fc.uuid().map((value) => ({ kind: "fresh" as const, value })) },
  { weight: 2, arbitrary: fc.constantFrom(...SHARED_KEYS).map((value) => ({ kind: "shared" as const, value })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom("", " ", '""', '"', "k".repeat(256), "k".repeat(10_000), "a b", "a\tb", "clé", "\u0001", "\u007f", "ÿÿÿ", "key,other", "'quoted'"),
        fc.string({ unit: "binary", maxLength: 300 }).map(headerSafe),
      )
      .map((value) => ({ kind: "malformed" as const, value })),
  },
);

// ---- the property ----------------------------------------------------------------------

function judge(route: DiscoveredRoute, status: number, contentType: string | null, text: string): string | null {
  if (status >= 500) return `status ${status}: ${text.slice(0, 300)}`;
  if (status < 200 || (status >= 300 && status < 400)) return `unexpected status ${status}`;
  if (status >= 400 && contentType !== "application/problem+json") return `4xx without problem+json (${contentType})`;
  if (/\n\s+at |node_modules|\/work\/|[\w-]+\.tsx?:\d+|PrismaClient|prisma\.|invalid byte sequence/i.test(text)) return `internals in body: ${text.slice(0, 300)}`;
  return null;
}

async function fuzzOne(route: DiscoveredRoute, params: Record<string, string>, query: string | undefined, body: Body | undefined, key?: KeyChoice) {
  const headers = key && key.kind !== "none" ? { "Idempotency-Key": key.value } : undefined;
  if (key && key.kind !== "none") keyed[key.kind]++;
  const res = await callRoute(route, { token: w.tokens.other, params, query, headers, ...(body ?? {}) });
  counts[routeName(route)] = (counts[routeName(route)] ?? 0) + 1;
  const bucket = res.status >= 500 ? "5xx" : String(res.status);
  statuses[bucket] = (statuses[bucket] ?? 0) + 1;
  const problem = judge(route, res.status, res.headers.get("content-type"), res.text);
  if (problem) {
    const sent = JSON.stringify({ params, query, body, idempotencyKey: headers?.["Idempotency-Key"] }).slice(0, 400);
    throw new Error(`${routeName(route)} → ${problem}\n  sent: ${sent}\n  logged: ${String(errorLog.at(-1)?.[1] ?? "").slice(0, 400)}`);
  }
}

describe("fuzzing every API body and query", () => {
  it("finds the routes", () => {
    expect(routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method)).length).toBeGreaterThanOrEqual(20);
    expect(routes.filter(isWrite).length).toBeGreaterThanOrEqual(28);
  });

  it("write routes never answer 500 or leak internals, whatever the body and Idempotency-Key", { timeout: 900_000 }, async () => {
    for (const route of routes.filter(isWrite)) {
      // A write's cases: one request, or (one in eight) the same key again at once with another body.
      const second = fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: bodyArb(route) });
      await fc.assert(
        fc.asyncProperty(paramsArb(route), fc.option(queryArb, { freq: 4 }), bodyArb(route), keyArb, second, async (params, query, body, key, other) => {
          await fuzzOne(route, params, query ?? undefined, body, key);
          if (other !== null && key.kind !== "none") {
            keyed.twice++;
            await fuzzOne(route, params, query ?? undefined, other, key);
          }
        }),
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
    const writeRoutes = routes.filter(isWrite);
    for (const r of writeRoutes) expect(counts[routeName(r)], routeName(r)).toBeGreaterThanOrEqual(RUNS);
    if (!process.env.FUZZ_RUNS) expect(writeRoutes.reduce((a, r) => a + counts[routeName(r)], 0)).toBeGreaterThanOrEqual(MIN_WRITE_CASES);
    expect(statuses["5xx"] ?? 0, "answers ≥ 500").toBe(0);
    expect(errorLog.filter((args) => String(args[0]).includes("unexpected error"))).toEqual([]);
  });
});

