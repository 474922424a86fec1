import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation/form-data";

describe("field errors for forms", () => {
  it("are a plain object, so a server action can hand them to a client form", () => {
    const r = z.object({ name: z.string().min(2, "Too short") }).safeParse({ name: "a" });
    const fields = fieldErrorsOf(r.error!);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(fields).toEqual({ name: ["Too short"] });
  });

  it("keep a field called __proto__ as a name, without touching any prototype", () => {
    const r = z.strictObject({}).safeParse(JSON.parse('{"__proto__": {"polluted": true}}'));
    const fields = fieldErrorsOf(r.error!);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(fields).length).toBeGreaterThan(0);
  });
});
