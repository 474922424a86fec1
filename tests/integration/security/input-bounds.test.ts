import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { API_ROUTES } from "@/lib/server/api/openapi-registry";
import { MAX_BODY_BYTES } from "@/lib/server/api/body";
import { callRoute, discoverRoutes, routeName } from "@/tests/support/api-routes";
import { useTestDatabase } from "@/tests/support/test-database";
import { unboundedStrings } from "@/tests/support/zod-walk";
import { createMember } from "@/tests/factories/members";
import { createToken } from "@/lib/server/services/tokens/create-token";
import * as validation from "./validation-schemas";

/**
 * Sizes are bounded everywhere: no schema accepts a string without a maximum length, and no
 * request body over 64 KiB is read, whether or not it declares its length.
 */
const t = useTestDatabase();

describe("every string field has a maximum length", () => {
  it.each(API_ROUTES.filter((r) => r.body || r.query).map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_name, spec) => {
    const free = [
      ...(spec.body ? unboundedStrings(spec.body).map((p) => `body.${p}`) : []),
      ...(spec.query ? unboundedStrings(spec.query).map((p) => `query.${p}`) : []),
    ];
    expect(free).toEqual([]);
  });

  it.each(Object.entries(validation.schemas))("form schema %s", (_name, schema) => {
    expect(unboundedStrings(schema as z.ZodType)).toEqual([]);
  });

  it("the walker itself notices a string without a maximum", async () => {
    const { z } = await import("zod");
    expect(unboundedStrings(z.strictObject({ a: z.string().trim(), b: z.string().max(3), c: z.array(z.string().optional()) }))).toEqual(["a", "c[]"]);
  });
});

describe("request bodies are capped at 64 KiB", () => {
  it("every body-taking route answers 413 to 64 KiB + 1 byte, declared or streamed", async () => {
    const m = await createMember();
    const { token } = await createToken(t.db, { memberId: m.id, input: { name: "t" }, now: new Date() });
    const routes = (await discoverRoutes()).filter((r) => ["POST", "PUT", "PATCH"].includes(r.method) && !r.path.includes("{...path}"));
    const big = JSON.stringify({ body: "x".repeat(MAX_BODY_BYTES) });
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
    const before = await t.db.post.count();
    for (const r of routes) {
      const res = await callRoute(r, { token, params: { id: "x", handle: m.handle }, raw: big, headers: { "content-type": "application/json" } });
      expect(res.status, routeName(r)).toBe(413);
      expect((res.json as { code: string }).code).toBe("payload_too_large");
    }
    expect(await t.db.post.count()).toBe(before);
  });
});

describe("the bound checker", () => {
  it("accepts fixed-length anchored patterns and refuses open ones", async () => {
    const { z } = await import("zod");
    expect(unboundedStrings(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))).toEqual([]);
    expect(unboundedStrings(z.string().regex(/^[a-z]+$/))).toEqual(["(root)"]);
    expect(unboundedStrings(z.string().regex(/^a{2,}$/))).toEqual(["(root)"]);
    expect(unboundedStrings(z.string().regex(/\d{4}/))).toEqual(["(root)"]);
  });
});
