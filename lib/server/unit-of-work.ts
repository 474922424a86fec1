import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "@/lib/db/create-client";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError } from "./errors";
import type { Tx } from "./db";

/**
 * One transaction for a whole write: the service's writes, the answer built from them, and
 * the idempotency record (lib/server/idempotency/) commit together. Inside `inUnitOfWork`,
 * `getDb()` hands out the open transaction, so a route that reads back what it wrote reads
 * it before the commit, never after, and a service's own `db.$transaction(fn)` runs `fn` in a
 * savepoint of it — atomic as before, and services still own their transactions when called
 * alone (scripts, jobs, tests).
 *
 * What is kept when the write fails is what was kept before units of work existed:
 * - an expected refusal (an AppError: validation, a gate, a limit) commits what was written
 *   outside the failed service transaction — e.g. a failed sign-in attempt is still counted —
 *   and the service transaction that refused is rolled back to its savepoint;
 * - anything else (the database went away, a bug) rolls everything back, so an answer of
 *   500 or 503 means nothing was stored. When the transaction's connection is gone, the
 *   failure is reported as the outage it is, whatever surfaced first: a query on a
 *   terminated connection has been seen to resolve to `undefined` instead of failing, and
 *   the TypeError that followed answered 500 instead of 503.
 */
const scope = new AsyncLocalStorage<Db>();

/** The open unit of work's client, if this call runs inside one. */
export function currentUnitOfWork(): Db | undefined {
  return scope.getStore();
}

/** Work to do once the open unit of work has committed (keyed by its client). */
const committed = new WeakMap<Db, (() => Promise<void>)[]>();

/**
 * Runs `fn` once the write this call is part of has committed (at once outside a unit of work):
 * for what must not see — or be seen before — an uncommitted write, such as queueing a job that
 * reads it (on the embedded database the job would even wait for the very connection the write
 * holds). Not run when the write fails. `fn` must not throw; its promise is not awaited by the write.
 */
export function afterCommit(fn: () => Promise<void>): void {
  const open = scope.getStore();
  const list = open ? committed.get(open) : undefined;
  if (list) list.push(fn);
  else void fn();
}

/** Runs `fn` in one transaction on `root` (or in the one already open). */
export async function inUnitOfWork<T>(root: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  const open = scope.getStore();
  if (open) return fn(open);
  let refused: AppError | undefined;
  const hooks: (() => Promise<void>)[] = [];
  const result = await root.$transaction(async (tx) => {
    const joined = joinable(tx);
    committed.set(joined, hooks);
    try {
      return await scope.run(joined, () => fn(joined));
    } catch (e) {
      if (!(e instanceof AppError)) throw await asOutageIfConnectionLost(tx, e);
      refused = e;
      return undefined;
    }
  });
  if (refused) throw refused;
  for (const hook of hooks) void hook();
  return result as T;
}

/** `e`, or — when the transaction's connection no longer answers — the outage alongside it. */
async function asOutageIfConnectionLost(tx: Tx, e: unknown): Promise<unknown> {
  if (isDatabaseUnavailable(e)) return e;
  const lost = await tx.$queryRaw`SELECT 1`.then(
    () => null,
    (probe: unknown) => (isDatabaseUnavailable(probe) ? probe : null),
  );
  return lost ? new AggregateError([lost, e], "The database connection was lost during the write.") : e;
}

/**
 * A transaction client that looks like the root client: `$transaction(fn)` runs `fn` on the
 * same transaction inside a savepoint, `$transaction([...])` awaits the queries in order
 * (they are already bound to it) inside one. Services take `Db` and call `$transaction` —
 * they cannot tell the difference.
 */
function joinable(tx: Tx): Db {
  let savepoints = 0;
  const inSavepoint = async <T>(run: () => Promise<T>): Promise<T> => {
    const name = `rapport_sp_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const out = await run();
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      // After a failed statement the transaction accepts nothing but this.
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => {});
      throw e;
    }
  };
  const joined: Db = new Proxy(tx, {
    get(target, prop, receiver) {
      if (prop === "$transaction") {
        return (arg: unknown) =>
          inSavepoint(async () => {
            if (typeof arg === "function") return (arg as (t: Db) => Promise<unknown>)(joined);
            const out: unknown[] = [];
            for (const q of arg as Promise<unknown>[]) out.push(await q);
            return out;
          });
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as unknown as Db;
  return joined;
}
