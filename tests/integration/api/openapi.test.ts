import fs from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { API_ROUTES, routeFolder } from "@/lib/server/api/openapi-registry";
import { get, routeModule } from "./http";

/** The operations the API promises (the table, plus the extras the spec calls for). */
const PROMISED = [
  "POST /signup",
  "POST /tokens",
  "GET /tokens",
  "DELETE /tokens/{id}",
  "GET /me",
  "PATCH /me",
  "GET /me/policy",
  "PUT /me/policy",
  "GET /me/email-preferences",
  "PUT /me/email-preferences",
  "GET /members/{handle}",
  "GET /members/{handle}/warmup",
  "GET /members/{handle}/interactions",
  "POST /posts",
  "GET /posts",
  "GET /posts/{id}",
  "DELETE /posts/{id}",
  "POST /posts/{id}/comments",
  "PUT /posts/{id}/reaction",
  "DELETE /posts/{id}/reaction",
  "POST /posts/{id}/shares",
  "POST /members/{handle}/kudos",
  "POST /interactions",
  "GET /interactions",
  "POST /interactions/{id}/confirm",
  "POST /interactions/{id}/dispute",
  "POST /interactions/{id}/withdraw",
  "POST /connection-requests",
  "GET /connection-requests",
  "GET /connection-requests/{id}",
  "POST /connection-requests/{id}/accept",
  "POST /connection-requests/{id}/decline",
  "POST /connection-requests/{id}/withdraw",
  "GET /connections",
  "DELETE /connections/{handle}",
  "GET /blocks",
  "POST /blocks",
  "DELETE /blocks/{handle}",
  "GET /notifications",
  "POST /notifications/read",
  "GET /openapi.json",
  "DELETE /comments/{id}",
  "PUT /comments/{id}/reaction",
  "DELETE /comments/{id}/reaction",
  "POST /me/policy/preview",
  "GET /me/dashboard",
  "GET /relationships",
  "GET /members",
  "GET /members/suggestions",
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

async function fetchDocument() {
  const res = await get("/api/v1/openapi.json");
  expect(res.status).toBe(200);
  return res.body;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toMatch(/^3\.1\./);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it("documents every promised operation", async () => {
    const doc = await fetchDocument();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/^\/api\/v1/, "")}`),
    );
    const missing = PROMISED.filter((op) => !documented.includes(op));
    expect(missing).toEqual([]);
  });

  it("describes bodies, responses, problems and security from the zod schemas", async () => {
    const doc = await fetchDocument();
    const send = doc.paths["/api/v1/connection-requests"].post;
    const body = send.requestBody.content["application/json"].schema;
    expect(body).toMatchObject({ type: "object", required: ["to", "note"], additionalProperties: false });
    expect(body.properties.note).toMatchObject({ minLength: 30, maxLength: 500 });
    expect(send.responses["201"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ConnectionRequestSent" });
    expect(send.responses["409"].description).toMatch(/warmup_incomplete/);
    expect(send.responses["409"].content["application/problem+json"].schema.$ref).toBe("#/components/schemas/Problem");
    expect(send.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(send.security).toEqual([{ bearerAuth: ["write:requests"] }, { sessionCookie: [] }]);

    const log = doc.paths["/api/v1/interactions"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(log.properties)).toEqual(["target", "platform", "kind", "occurredOn", "evidenceUrl", "summary"]);
    expect(doc.paths["/api/v1/signup"].post.security).toEqual([]);
    expect(doc.components.schemas.Evaluation.required).toEqual(
      expect.arrayContaining(["status", "percent", "criteria", "interactions", "nextSteps"]),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const limit = doc.paths["/api/v1/posts"].get.parameters.find((p: { name: string }) => p.name === "limit");
    expect(limit).toMatchObject({ in: "query", required: false, schema: { minimum: 1, maximum: 100, default: 20 } });
  });
});

type Node = Record<string, unknown>;
/** Every schema object in the document with where it sits, for rules that look at each one. */
function schemasIn(node: unknown, at = ""): { at: string; schema: Node }[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => schemasIn(v, `${at}/${i}`));
  if (!node || typeof node !== "object") return [];
  const n = node as Node;
  const here = typeof n.type === "string" || Array.isArray(n.type) ? [{ at, schema: n }] : [];
  return [...here, ...Object.entries(n).flatMap(([k, v]) => schemasIn(v, `${at}/${k}`))];
}

describe("the OpenAPI document reads well (Redocly's recommended rules that apply, checked here)", () => {
  it("has a licence and a description for every tag, and every operation's tag is declared", async () => {
    const doc = await fetchDocument();
    expect(doc.info.license).toMatchObject({ name: expect.any(String) });
    expect(doc.info.license.url ?? doc.info.license.identifier).toBeTruthy();
    // The same licence as package.json: an SPDX identifier as such; "UNLICENSED" (proprietary) as a LicenseRef.
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { license?: string };
    expect(pkg.license).toBeTruthy();
    if (pkg.license === "UNLICENSED") {
      expect(doc.info.license).toEqual({ name: expect.stringMatching(/^UNLICENSED\b.*proprietary/), identifier: expect.stringMatching(/^LicenseRef-[A-Za-z0-9.-]+$/) });
    } else {
      expect(doc.info.license.identifier).toBe(pkg.license);
    }
    const tags = doc.tags as { name: string; description?: string }[];
    expect(tags.filter((t) => !t.description?.trim()).map((t) => t.name)).toEqual([]);
    const declared = new Set(tags.map((t) => t.name));
    const ops = Object.values(doc.paths as Record<string, Record<string, { tags: string[]; operationId: string; summary: string }>>).flatMap((o) => Object.values(o));
    expect(ops.flatMap((o) => o.tags).filter((t) => !declared.has(t))).toEqual([]);
    expect(ops.filter((o) => !o.operationId || !o.summary)).toEqual([]);
    expect(doc.servers.length).toBeGreaterThan(0);
  });

  it("states a lower bound for every integer, and a real upper bound for policy values", async () => {
    const doc = await fetchDocument();
    const integers = schemasIn(doc).filter(({ schema }) => schema.type === "integer" || (Array.isArray(schema.type) && schema.type.includes("integer")));
    expect(integers.length).toBeGreaterThan(10);
    expect(integers.filter(({ schema }) => typeof schema.minimum !== "number").map(({ at }) => at)).toEqual([]);
    const policy = doc.components.schemas.PolicyOut ?? doc.paths["/api/v1/me/policy"].get.responses["200"].content["application/json"].schema;
    expect(policy.properties.minPoints).toMatchObject({ minimum: 0, maximum: 100 });
    expect(policy.properties.freshnessDays).toMatchObject({ minimum: 1, maximum: 365 });
  });

  it("accepts the documented @handle form in every handle pattern", async () => {
    const doc = await fetchDocument();
    const handles = schemasIn(doc).filter(({ schema }) => typeof schema.description === "string" && /handle, with or without the leading @/.test(schema.description));
    expect(handles.length).toBeGreaterThan(2);
    for (const { at, schema } of handles) {
      const re = new RegExp(schema.pattern as string);
      expect(re.test("@Ana_1"), at).toBe(true);
      expect(re.test("ana"), at).toBe(true);
      expect(re.test("a b"), at).toBe(false);
    }
  });
});

describe("the registry and the route files agree", () => {
  const folders = (dir: string, rel = ""): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      if (!e.isDirectory()) return e.name === "route.ts" ? [rel] : [];
      return folders(dir, rel ? `${rel}/${e.name}` : e.name);
    });
  const files = folders(path.resolve(import.meta.dirname, "../../../app/api/v1"));

  it("every exported handler is a registered operation (so it is documented and 401-tested)", async () => {
    const unregistered: string[] = [];
    for (const folder of files) {
      if (folder === "openapi.json" || folder === "[...path]") continue;
      const mod = await routeModule(folder);
      for (const m of METHODS) {
        const handler = mod[m] as { methodNotAllowed?: true } | undefined;
        // A handler that only answers 405 (lib/server/api/method-not-allowed.ts) is no operation.
        if (handler && !handler.methodNotAllowed && !API_ROUTES.some((r) => r.method === m && routeFolder(r.path) === folder)) unregistered.push(`${m} ${folder}`);
      }
    }
    expect(unregistered).toEqual([]);
  });

  it("every registered operation has its handler", async () => {
    const missing: string[] = [];
    for (const r of API_ROUTES) {
      const folder = routeFolder(r.path);
      if (!files.includes(folder) || !(await routeModule(folder))[r.method]) missing.push(`${r.method} ${r.path}`);
    }
    expect(missing).toEqual([]);
  });
});
