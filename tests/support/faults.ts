import type { Db, OpenedDb } from "@/lib/db/create-client";
import { setDbForTests } from "@/lib/server/db";

/**
 * Fault injection around the app's Prisma client. `recordWrites` runs an operation on a
 * client that notes every write (model.operation) in order; `failAtWrite` runs it on a client
 * whose n-th write throws — "the database died midway" — so a test can check that nothing of
 * the operation's earlier writes survived. Both install their client with setDbForTests for
 * the duration of the call and put the original back; the operation is also handed that client
 * (services take their database handle first).
 */
export const WRITE_OPS = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "executeRaw",
  "$executeRaw",
  "$executeRawUnsafe",
]);

export class InjectedFault extends Error {
  constructor(readonly at: string) {
    super(`injected failure at ${at}`);
    this.name = "InjectedFault";
  }
}

type Hook = (write: string) => void;

function withHook(opened: OpenedDb, hook: Hook): OpenedDb {
  const db = opened.db.$extends({
    query: {
      $allOperations: ({ model, operation, args, query }) => {
        // Locks (SELECT … FOR UPDATE, advisory locks) and savepoints are not writes.
        const isLock = /^\$?executeRaw(Unsafe)?$/.test(operation) && /pg_advisory|FOR (NO KEY )?UPDATE|SAVEPOINT/i.test(JSON.stringify(args));
        if (WRITE_OPS.has(operation) && !isLock) hook(`${model ?? "$raw"}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as OpenedDb["db"];
  return { ...opened, db };
}

async function installed<T>(opened: OpenedDb, hook: Hook, run: (db: Db) => Promise<T>): Promise<T> {
  const hooked = withHook(opened, hook);
  setDbForTests(hooked);
  try {
    return await run(hooked.db);
  } finally {
    setDbForTests(opened);
  }
}

/** The writes an operation makes, in order, e.g. ["connectionRequest.create", "notification.create", …]. */
export async function recordWrites(opened: OpenedDb, run: (db: Db) => Promise<unknown>): Promise<string[]> {
  const writes: string[] = [];
  await installed(opened, (w) => void writes.push(w), run);
  return writes;
}

/** Runs the operation with its n-th write (0-based) throwing InjectedFault; returns what it threw. */
export async function failAtWrite(opened: OpenedDb, n: number, run: (db: Db) => Promise<unknown>): Promise<unknown> {
  let i = 0;
  try {
    await installed(
      opened,
      (w) => {
        if (i++ === n) throw new InjectedFault(w);
      },
      run,
    );
  } catch (e) {
    return e;
  }
  return undefined;
}
