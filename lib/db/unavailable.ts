/**
 * Is this error an outage — the database cannot be reached right now — rather than a bug?
 * One classifier for the API (503 with Retry-After, lib/server/api/problem.ts), forms
 * (lib/server/action-result.ts) and units of work (lib/server/unit-of-work.ts). Pure: no I/O.
 */
// P2024: no pooled connection in time; P2028: a transaction could not start, ran out of time,
// or was already closed under it (its connection died) — all "try again shortly", not a bug.
// P2037: too many database connections.
const UNAVAILABLE_PRISMA = new Set(["P1000", "P1001", "P1002", "P1003", "P1008", "P1010", "P1011", "P1017", "P2024", "P2028", "P2037"]);
const UNAVAILABLE_ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);
// PostgreSQL SQLSTATEs for "the server is going away or full": class 08 (connection
// exception), 57P01–57P05 (admin/crash shutdown, cannot connect now, database dropped, idle
// session timeout), 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-5]|53300)$/;
const UNAVAILABLE_ADAPTER = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "TlsConnectionError",
  "TooManyConnections",
  "SocketTimeout",
]);

const UNAVAILABLE_MESSAGE = /PGlite failed to initialize|PGlite is closed|Could not open the embedded database|Can't reach database server/i;
// node-postgres reports a connection lost under a query (the first query after a database
// restart finds its pooled connection dead) with a plain Error and no code, which Prisma
// passes on as is: recognised by its message.
const PG_CONNECTION_LOST =
  /^(Connection terminated unexpectedly|Connection terminated|Connection terminated due to connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|server closed the connection unexpectedly)/i;

type ErrorLike = {
  code?: unknown;
  errorCode?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * True when the error, or anything it wraps, says the database cannot be reached: Prisma's
 * connection codes, the driver adapter's kinds, Node's socket errors, PostgreSQL's
 * connection/shutdown/too-many-connections SQLSTATEs, or the embedded database failing to
 * open or being closed. Prisma 7 nests the driver's error in `meta.driverAdapterError`
 * (whose `cause` carries the SQLSTATE, e.g. `{ kind: "postgres", code: "57P01" }`), next
 * to a generic outer code such as P2010 ("raw query failed") or P2039 ("database error").
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length) {
    const cur = queue.shift();
    if (!cur || typeof cur !== "object" || seen.has(cur)) continue;
    seen.add(cur);
    const err = cur as ErrorLike;
    if (saysUnavailable(err)) return true;
    queue.push(err.cause, err.meta?.driverAdapterError);
    if (Array.isArray(err.errors)) queue.push(...err.errors); // AggregateError (IPv4 and IPv6 both refused)
  }
  return false;
}

function saysUnavailable(err: ErrorLike): boolean {
  for (const code of [err.code, err.errorCode, err.originalCode]) {
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_PRISMA.has(code) || UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
  }
  if (typeof err.kind === "string" && UNAVAILABLE_ADAPTER.has(err.kind)) return true;
  if (err.name === "PrismaClientInitializationError" || err.name === "DataDirInUseError") return true;
  return typeof err.message === "string" && (UNAVAILABLE_MESSAGE.test(err.message) || PG_CONNECTION_LOST.test(err.message));
}
