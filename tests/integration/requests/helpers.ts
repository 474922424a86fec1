import { expect } from "vitest";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { createInteraction } from "@/tests/factories/relations";

import { DAY } from "@/lib/warmup/time";
export { DAY };
/** A fixed clock after every factory member's creation date. */
export const NOW = new Date("2027-03-10T12:00:00.000Z");
export const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

/**
 * Enough for the standard protocol: two comments (3 points each) on two different UTC days,
 * a real conversation. Both before `now`.
 */
export async function warmUp(actorId: string, targetId: string, now = NOW) {
  await createInteraction({ actorId, targetId, kind: "comment", occurredAt: daysAfter(now, -3) });
  await createInteraction({ actorId, targetId, kind: "comment", occurredAt: daysAfter(now, -1) });
}

export async function setAppSettings(db: Db, values: Record<string, unknown>) {
  await db.appSettings.upsert({ where: { id: 1 }, create: { id: 1, values: values as object }, update: { values: values as object } });
}

/** Everything a request operation may write: a refusal must leave all of it unchanged. */
export async function requestTables(db: Db) {
  const [requests, pending, connections, notifications, audit] = await Promise.all([
    db.connectionRequest.count(),
    db.connectionRequest.count({ where: { status: "pending" } }),
    db.connection.count(),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return { requests, pending, connections, notifications, audit };
}

/** Runs an operation that must be refused with `code`; checks nothing was written. */
export async function expectRefused(db: Db, run: () => Promise<unknown>, code: string): Promise<AppError> {
  const before = await requestTables(db);
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a refusal with code ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(await requestTables(db)).toEqual(before);
  return error as AppError;
}

export const NOTE = "I enjoyed your talk on Postgres indexing at the meetup — would love to stay in touch.";
