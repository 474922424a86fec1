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
    expect(send.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);

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
        if (mod[m] && !API_ROUTES.some((r) => r.method === m && routeFolder(r.path) === folder)) unregistered.push(`${m} ${folder}`);
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
