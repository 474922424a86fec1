import { afterEach, describe, expect, it, vi } from "vitest";
import { DATABASE_AWAY_MESSAGE, failure } from "@/lib/server/action-result";
import { AppError } from "@/lib/server/errors";

/** A form submitted during a database outage keeps what was typed and says to try again. */
afterEach(() => vi.restoreAllMocks());

const form = () => {
  const f = new FormData();
  f.set("body", "Thanks for the talk on indexing!");
  f.set("password", "never echoed");
  return f;
};

describe("failure() on a database outage", () => {
  it("returns the form state with the typed values (never the password) and the outage in words", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    // Prisma 7's shape for a backend terminated under a query (tests/unit/reliability/database-unavailable.test.ts).
    const outage = Object.assign(new Error("Raw query failed. Code: `57P01`."), {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } } },
    });
    expect(failure(outage, form())).toEqual({ ok: false, code: "unavailable", message: DATABASE_AWAY_MESSAGE, values: { body: "Thanks for the talk on indexing!" } });
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it("still maps expected failures and rethrows plain bugs", () => {
    expect(failure(new AppError("validation", "Write something first."))).toMatchObject({ ok: false, code: "validation" });
    const bug = new TypeError("x is undefined");
    expect(() => failure(bug, form())).toThrow(bug);
  });
});
