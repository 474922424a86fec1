import "server-only";
import { z } from "zod";
import { ZProblem } from "@/lib/validation/api/problem";
import { sessionCookieName } from "@/lib/server/auth/cookies";
import { ERROR_STATUS } from "@/lib/server/errors";
import { SCOPE_DESCRIPTIONS, TOKEN_SCOPES } from "@/lib/validation/api/token";
import { API_ROUTES } from "./openapi-registry";
import { MAX_BODY_BYTES } from "./body";
import type { ProblemCode } from "./problem";
import type { RouteSpec } from "./route-spec";
import { IDEMPOTENCY_HEADER, MAX_KEY_LENGTH, REPLAYED_HEADER } from "@/lib/server/idempotency/key";

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * Collects JSON Schemas converted from zod. Schemas named with `.meta({ id })` come out of
 * zod as `$defs`; they are hoisted into `components.schemas` so each is written once.
 * Everything is converted as *input* (what a client sends / may rely on), which also leaves
 * response objects open to fields added later.
 */
class SchemaSet {
  readonly components: Record<string, Json> = {};

  convert(schema: z.ZodType): Json {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Json;
    const defs = (json.$defs ?? {}) as Record<string, Json>;
    delete json.$defs;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) {
      const fixed = rewriteRefs(def) as Json;
      const existing = this.components[name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(fixed)) {
        throw new Error(`OpenAPI: two different schemas are both named "${name}".`);
      }
      this.components[name] = fixed;
    }
    return rewriteRefs(json) as Json;
  }
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(v);
  }
  return out;
}

/** The problem codes an operation can answer with: its own plus those every operation of its kind can. */
function problemCodes(spec: RouteSpec): ProblemCode[] {
  const codes = new Set<ProblemCode>(spec.errors ?? []);
  if (spec.auth === "member") ["unauthenticated", "token_expired", "suspended", "insufficient_scope"].forEach((c) => codes.add(c as ProblemCode));
  if (spec.auth === "member" && spec.method !== "GET") codes.add("forbidden");
  if (spec.body || spec.query || spec.method !== "GET") codes.add("validation");
  if (spec.method !== "GET") ["payload_too_large", "idempotency_key_in_use", "idempotency_key_reused"].forEach((c) => codes.add(c as ProblemCode));
  if (spec.params) codes.add("not_found");
  if (spec.method === "GET") codes.add("rate_limited"); // the read limit (lib/server/rate-limit/read-limit.ts)
  codes.add("internal");
  codes.add("unavailable");
  return [...codes];
}

/** Every write takes an idempotency key (lib/server/idempotency/, docs/api.md "Retrying writes"). */
const IDEMPOTENCY_KEY_PARAMETER: Json = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  description:
    "Makes a retry safe: the first request with this key (per caller) is done and its answer kept for 24 hours; " +
    "a retry with the same key and body gets that answer again, with `Idempotent-Replayed: true`, and writes nothing. " +
    "The same key with another body is refused (422 `idempotency_key_reused`), and while the first request is still " +
    "being processed so is a retry (409 `idempotency_key_in_use`). Only successful answers are kept. 1–255 visible " +
    "ASCII characters; a UUID is the usual choice.",
  schema: { type: "string", minLength: 1, maxLength: MAX_KEY_LENGTH },
};

/** On every read: the caller's read budget (per token, member and address; the tightest is shown). */
const RATE_LIMIT_HEADERS: Json = {
  "RateLimit-Limit": { description: "Reads allowed per minute for the tightest of your token, account and address.", schema: { type: "integer", minimum: 1 } },
  "RateLimit-Remaining": { description: "Reads left in the current minute.", schema: { type: "integer", minimum: 0 } },
  "RateLimit-Reset": { description: "Seconds until the current window resets.", schema: { type: "integer", minimum: 1 } },
};

const REPLAYED_HEADER_DOC: Json = {
  description: "`true` when this is the kept answer to an earlier request with the same Idempotency-Key (nothing was written now).",
  schema: { type: "string", enum: ["true"] },
};

/** One sentence per tag: what its operations are about. A tag without one fails the OpenAPI test. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  Accounts: "Creating an account.",
  Blocks: "Blocking a member: neither of you sees the other, and nothing between you counts.",
  Comments: "Comments and replies on posts, and reactions to them.",
  "Connection requests": "Asking to connect once warmed up, and answering requests: accept, not yet, no, or withdraw.",
  Connections: "The members you are connected with.",
  Interactions: "The interaction history, and interactions logged from elsewhere (confirmed or disputed by the other member).",
  Me: "Your own account, dashboard and protocol.",
  Members: "Finding members, their profiles, kudos, and how warm you are with each.",
  Notifications: "What happened that concerns you, and marking it read.",
  Posts: "The feed: posts, shares and reactions.",
  Relationships: "Every relationship with its status and progress, by tab.",
  Tokens: "Personal access tokens for this API.",
  Meta: "This document.",
};

const statusOf = (code: ProblemCode) => (code === "internal" ? 500 : ERROR_STATUS[code]);

function operation(spec: RouteSpec, schemas: SchemaSet): Json {
  const parameters: Json[] = [];
  if (spec.params) {
    const json = schemas.convert(spec.params) as { properties?: Record<string, Json> };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      parameters.push({ name, in: "path", required: true, schema, ...(name === "handle" ? { description: "A member's handle (with or without @)." } : {}) });
    }
  }
  if (spec.query) {
    const json = schemas.convert(spec.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) });
    }
  }

  const write = spec.method !== "GET";
  if (write) parameters.push(IDEMPOTENCY_KEY_PARAMETER);

  const status = spec.status ?? (spec.response ? 200 : 204);
  const responses: Json = {
    [status]: {
      description: STATUS_TEXT[status],
      ...(write ? { headers: { [REPLAYED_HEADER]: REPLAYED_HEADER_DOC } } : { headers: RATE_LIMIT_HEADERS }),
      ...(spec.response ? { content: { "application/json": { schema: schemas.convert(spec.response) } } } : {}),
    },
  };
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemCodes(spec)) {
    const s = statusOf(code);
    byStatus.set(s, [...(byStatus.get(s) ?? []), code]);
  }
  for (const [s, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers = codes.some((c) => ["weekly_limit", "pending_limit", "rate_limited", "cooldown", "unavailable"].includes(c))
      ? { "Retry-After": { description: "Seconds until the limit frees up.", schema: { type: "integer", minimum: 1 } }, ...(spec.method === "GET" && s === 429 ? RATE_LIMIT_HEADERS : {}) }
      : undefined;
    responses[s] = {
      description: `${STATUS_TEXT[s] ?? "Error"} — code: ${codes.map((c) => (c === "blocked" ? "not_found" : c)).join(", ")}`,
      ...(headers ? { headers } : {}),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }

  // The scope a token needs, three ways: in the security requirement (OpenAPI 3.1 allows role
  // names for any scheme type, §4.8.30), as `x-required-scope` for tools, and in words.
  const scopeNote = spec.auth === "member" ? `Token scope: \`${spec.scope}\` (a browser session is not limited by scopes).` : null;
  const description = [spec.description, scopeNote].filter(Boolean).join("\n\n");
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(description ? { description } : {}),
    tags: [spec.tag],
    security: spec.auth === "member" ? [{ bearerAuth: [spec.scope] }, { sessionCookie: [] }] : [],
    ...(spec.auth === "member" ? { "x-required-scope": spec.scope } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: requestBody(spec.body, schemas) } : {}),
    responses,
  };
}

/** A body schema wrapped in `.optional()` is a request body the call may leave out. */
function requestBody(body: z.ZodType, schemas: { convert: (s: z.ZodType) => Json }): Json {
  const optional = body instanceof z.ZodOptional;
  const schema = optional ? (body.unwrap() as z.ZodType) : body;
  return { required: !optional, content: { "application/json": { schema: schemas.convert(schema) } } };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the route specs and their zod schemas. */
export function buildOpenApiDocument(opts: { serverUrl?: string } = {}): Json {
  const schemas = new SchemaSet();
  schemas.convert(ZProblem);
  const paths: Record<string, Json> = {};
  for (const spec of API_ROUTES) {
    const path = `/api/v1${spec.path}`;
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operation(spec, schemas);
  }
  const openapiRoute = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["Meta"],
      security: [],
      responses: {
        200: { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } },
        400: {
          description: "Bad Request — code: validation (an address with broken percent-encoding)",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Rapport API",
      version: "1.0.0",
      // package.json says "UNLICENSED" (npm's word for proprietary); OpenAPI wants an SPDX
      // expression, and a proprietary licence is written as a LicenseRef (tests/integration/api/openapi.test.ts).
      license: { name: "UNLICENSED — proprietary, all rights reserved", identifier: "LicenseRef-Rapport-Proprietary" },
      description:
        "Everything a member can do in Rapport, over HTTP. Authenticate with a personal access token " +
        "(`Authorization: Bearer rpt_…`, created in Settings → API tokens or with POST /api/v1/tokens) or the browser session. " +
        "Errors are application/problem+json (RFC 9457) with a stable `code`. Lists are paged with `?cursor=&limit=` " +
        `and answer \`{items, nextCursor}\`. Request bodies are JSON, at most ${MAX_BODY_BYTES / 1024} KiB; unknown fields are refused. ` +
        "Days are counted in UTC. Every write accepts an `Idempotency-Key` header: retry with the same key and nothing is done twice.",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: opts.serverUrl || "/" }],
    tags: [...new Set(API_ROUTES.map((r) => r.tag)), "Meta"].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    paths: { ...paths, "/api/v1/openapi.json": openapiRoute },
    components: {
      schemas: schemas.components,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "rpt_ + 43 characters",
          description:
            "A personal access token. Each operation lists the one scope a token needs (in its security requirement and `x-required-scope`); " +
            "a token without it is refused with 403 `insufficient_scope`, an expired one with 401 `token_expired`. Scopes: " +
            TOKEN_SCOPES.map((s) => `\`${s}\` — ${SCOPE_DESCRIPTIONS[s]}`).join(" "),
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: sessionCookieName(),
          description: "The browser session. Writes must come from this site (Origin / Sec-Fetch-Site checked).",
        },
      },
    },
  };
}
