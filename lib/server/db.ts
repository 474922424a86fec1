import "server-only";
import { openDatabase, type Db, type OpenedDb } from "@/lib/db/create-client";
import { currentUnitOfWork } from "./unit-of-work";

/**
 * The one Prisma client of this process, opened lazily on first use (never at import time:
 * `next build` loads route modules in several workers). Kept on globalThis so dev-mode
 * reloads reuse it instead of opening the embedded database twice.
 */
const holder = globalThis as unknown as { __rapportDb?: Promise<OpenedDb> };

export function getOpenedDb(): Promise<OpenedDb> {
  holder.__rapportDb ??= openDatabase().catch((e) => {
    holder.__rapportDb = undefined; // let the next request try again (e.g. after a restart)
    throw e;
  });
  return holder.__rapportDb;
}

/**
 * The client to use: inside a unit of work (an API write or a form submission), its open
 * transaction (lib/server/unit-of-work.ts); otherwise the root client.
 */
export async function getDb(): Promise<Db> {
  return currentUnitOfWork() ?? (await getOpenedDb()).db;
}

/** The root client, never a unit of work's transaction (to start one). */
export async function getRootDb(): Promise<Db> {
  return (await getOpenedDb()).db;
}

/** For tests: use this database instead of the one the environment points at. */
export function setDbForTests(opened: OpenedDb | undefined): void {
  holder.__rapportDb = opened ? Promise.resolve(opened) : undefined;
}

/** A transaction client or the root client: services accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
