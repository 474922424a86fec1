import { describe, expect, it } from "vitest";
import { statementNames } from "@/lib/db/create-client";

describe("statement names (prepared statements on PostgreSQL)", () => {
  it("gives one name per SQL text, the same each time", () => {
    const name = statementNames(10)!;
    const a = name({ sql: "SELECT 1" });
    const b = name({ sql: "SELECT 2" });
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
    expect(name({ sql: "SELECT 1" })).toBe(a);
  });

  it("names only the first `limit` texts, and keeps naming those", () => {
    const name = statementNames(2)!;
    const first = name({ sql: "SELECT 1" });
    name({ sql: "SELECT 2" });
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 1" })).toBe(first);
  });

  it("is off at 0 (or a value that is not a number)", () => {
    expect(statementNames(0)).toBeUndefined();
    expect(statementNames(Number("off"))).toBeUndefined();
  });
});
