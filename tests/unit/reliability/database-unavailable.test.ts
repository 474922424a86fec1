import { describe, expect, it } from "vitest";
import { problemFromError } from "@/lib/server/api/problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

/**
 * The shapes below were printed from real failures on Prisma 7.10 + @prisma/adapter-pg and
 * PGlite (a script that ran `pg_terminate_backend` on its own backend mid-query and
 * mid-transaction, held the only pooled connection, dialled a closed port, used a role with
 * `CONNECTION LIMIT 0`, and queried a closed PGlite). Only the fields that matter are kept.
 */
function prismaKnown(code: string, message: string, meta: Record<string, unknown> = {}) {
  return Object.assign(new Error(`\nInvalid \`prisma.$queryRawUnsafe()\` invocation:\n\n\n${message}`), {
    name: "PrismaClientKnownRequestError",
    code,
    meta,
    clientVersion: "7.10.1",
  });
}
function driverAdapterError(message: string, cause: Record<string, unknown>) {
  return { driverAdapterError: Object.assign(new Error(message), { name: "DriverAdapterError", cause }) };
}
const terminated = { originalCode: "57P01", originalMessage: "terminating connection due to administrator command", kind: "postgres", code: "57P01", severity: "FATAL", message: "terminating connection due to administrator command" };
const postgresState = (code: string, message: string) => ({ ...terminated, originalCode: code, code, originalMessage: message, message });
const plain = (message: string) => Object.assign(new Error(message), { clientVersion: "7.10.1" });

const OUTAGES: [string, unknown][] = [
  ["a raw query whose backend was terminated (P2010 around 57P01)", prismaKnown("P2010", "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`", driverAdapterError(terminated.message, terminated))],
  ["a model query in a transaction whose backend was terminated (P2039 around 57P01)", prismaKnown("P2039", "Database error. Code: `57P01`.", { modelName: "Member", ...driverAdapterError(terminated.message, terminated) })],
  ["a crash shutdown (57P02)", prismaKnown("P2039", "Database error. Code: `57P02`.", driverAdapterError("x", postgresState("57P02", "terminating connection because of crash of another server process")))],
  ["the server starting up (57P03)", prismaKnown("P2010", "Raw query failed. Code: `57P03`.", driverAdapterError("x", postgresState("57P03", "the database system is starting up")))],
  ["a connection failure (08006)", prismaKnown("P2010", "Raw query failed. Code: `08006`.", driverAdapterError("x", postgresState("08006", "connection failure")))],
  ["a protocol violation (08P01)", prismaKnown("P2039", "Database error.", driverAdapterError("x", postgresState("08P01", "protocol violation")))],
  ["too many connections, raw (P2010 around TooManyConnections 53300)", prismaKnown("P2010", "Raw query failed. Code: `53300`.", driverAdapterError("TooManyConnections", { originalCode: "53300", kind: "TooManyConnections", cause: "too many connections for role" }))],
  ["too many connections, model query (P2037)", prismaKnown("P2037", "Too many database connections opened", { modelName: "Member", ...driverAdapterError("TooManyConnections", { originalCode: "53300", kind: "TooManyConnections" }) })],
  ["a refused connection, raw (P2010 around DatabaseNotReachable)", prismaKnown("P2010", "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5999`", driverAdapterError("DatabaseNotReachable", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }))],
  ["a refused connection, model query (P1001)", prismaKnown("P1001", "Can't reach database server at 127.0.0.1:5999", driverAdapterError("DatabaseNotReachable", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }))],
  ["a transaction used after its connection closed (P2028 Transaction already closed)", prismaKnown("P2028", "Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.", { modelName: "Member" })],
  ["a transaction past its time (P2028)", prismaKnown("P2028", "Transaction API error: A query cannot be executed on an expired transaction.", { operation: "query", timeout: 100, timeTaken: 301 })],
  ["a model query after the connection broke in a transaction", plain("Client has encountered a connection error and is not queryable")],
  ["the pool's connect timeout", plain("timeout exceeded when trying to connect")],
  ["a closed PGlite", plain("PGlite is closed")],
  ["a closed PGlite in a transaction", new Error("PGlite is closed")],
  ["a socket error two causes deep", new Error("query failed", { cause: new Error("write", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) }) })],
  ["both addresses refused (AggregateError)", new AggregateError([Object.assign(new Error("::1"), { code: "ECONNREFUSED" }), Object.assign(new Error("127.0.0.1"), { code: "ECONNREFUSED" })])],
  ["the data directory held by another process", Object.assign(new Error("in use"), { name: "DataDirInUseError" })],
];

const NOT_OUTAGES: [string, unknown][] = [
  ["a unique violation (P2002)", prismaKnown("P2002", "Unique constraint failed", { modelName: "Member", ...driverAdapterError("UniqueConstraintViolation", { originalCode: "23505", kind: "UniqueConstraintViolation" }) })],
  ["a missing table (P2021 around 42P01)", prismaKnown("P2021", "The table `public.member` does not exist", driverAdapterError("TableDoesNotExist", { originalCode: "42P01", kind: "TableDoesNotExist" }))],
  ["a statement timeout (57014, query cancelled)", prismaKnown("P2010", "Raw query failed. Code: `57014`.", driverAdapterError("x", postgresState("57014", "canceling statement due to statement timeout")))],
  ["a serialization failure (40001)", prismaKnown("P2034", "Transaction failed due to a write conflict", driverAdapterError("TransactionWriteConflict", { originalCode: "40001", kind: "TransactionWriteConflict" }))],
  ["a plain bug", new TypeError("Cannot read properties of undefined")],
  ["a cycle of causes", (() => { const a: Error & { cause?: unknown } = new Error("a"); a.cause = new Error("b", { cause: a }); return a; })()],
];

describe("isDatabaseUnavailable on errors seen from Prisma 7 and the drivers", () => {
  it.each(OUTAGES)("%s → an outage, answered 503 with Retry-After", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const original = console.error;
    console.error = () => {};
    try {
      const res = problemFromError(error);
      expect(res.status).toBe(503);
      expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    } finally {
      console.error = original;
    }
  });

  it.each(NOT_OUTAGES)("%s → not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
