import { describe, expect, it } from "vitest";
import { callRoute, discoverRoutes, METHODS } from "@/tests/support/api-routes";

/**
 * Every route file answers the methods it does not implement with 405 problem+json and an
 * `Allow` header naming the ones it does — checked for every file and method found on disk,
 * so a new route file without its `methodsNotAllowed` line fails here.
 */
describe("an unsupported method on an existing /api/v1 route", async () => {
  const routes = await discoverRoutes();
  const refusing = await discoverRoutes({ refusing: true });
  const files = [...new Set(routes.map((r) => r.file))].filter((f) => !f.includes("[...path]"));

  it("is answered by a refusing handler in every route file, for every method the file does not implement", () => {
    for (const file of files) {
      const real = routes.filter((r) => r.file === file).map((r) => r.method);
      const refused = refusing.filter((r) => r.file === file).map((r) => r.method);
      expect([...real, ...refused].sort(), file).toEqual([...METHODS].sort());
    }
  });

  it.each(refusing.map((r) => [`${r.method} ${r.path}`, r] as const))("%s → 405 problem+json with Allow", async (_, route) => {
    const res = await callRoute(route);
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const allowed = routes.filter((r) => r.file === route.file).map((r) => r.method);
    const allow = (res.headers.get("allow") ?? "").split(", ");
    for (const m of allowed) expect(allow).toContain(m);
    expect(allow).not.toContain(route.method);
    expect(res.json).toMatchObject({ status: 405, code: "method_not_allowed" });
    expect((res.json as { detail: string }).detail).toContain(`accepts ${allowed.join(", ")}`);
  });

  it("leaves unknown paths a 404", async () => {
    const catchAll = routes.filter((r) => r.path === "/{...path}");
    expect(catchAll.map((r) => r.method).sort()).toEqual([...METHODS].sort());
    for (const route of catchAll) expect((await callRoute(route, { params: { path: "no/such/thing" } })).status).toBe(404);
  });
});
