import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/db";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_TTL_MS } from "./key";
import { openAnswer, sealAnswer } from "./seal";

export type StoredAnswer = { status: number; body: string | null };

export type KeyedWrite = { caller: string; key: string; fingerprint: string; now: Date };

/**
 * Claims `key` for this write inside the write's transaction. Answers the stored answer when
 * the same request was already answered (a retry), and refuses when the key was used for a
 * different request (422). The claim is a transaction-scoped advisory lock: taken without
 * waiting for the API, where a key in flight in another transaction is refused (409); with
 * `wait` for forms, where the second submission of a double click waits for the first and
 * gets its answer. On the embedded database transactions run one at a time, so a retry
 * always finds the first one finished.
 */
export async function claimKey(tx: Tx, w: KeyedWrite, opts: { wait?: boolean } = {}): Promise<StoredAnswer | null> {
  const lockKey = `idempotency:${w.caller}:${w.key}`;
  if (opts.wait) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
  } else {
    const [{ claimed }] = await tx.$queryRaw<{ claimed: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${lockKey}, 0)) AS claimed`;
    if (!claimed) {
      throw new AppError(
        "idempotency_key_in_use",
        `A request with this ${IDEMPOTENCY_HEADER} is still being processed. Retry it once that one has been answered.`,
      );
    }
  }
  return storedAnswer(tx, w);
}

/**
 * The answer already stored under `key`, if any, without claiming it: what a write that must
 * first ask another server (apiRoute's `prepare`) replays before asking, so a retry is answered
 * as the first request was instead of being checked again. 422 when the key was used for a
 * different request. The claim that follows in the write's transaction still decides.
 */
export async function storedAnswer(tx: Tx, w: KeyedWrite): Promise<StoredAnswer | null> {
  const stored = await tx.idempotencyKey.findUnique({ where: { caller_key: { caller: w.caller, key: w.key } } });
  if (!stored || stored.expiresAt <= w.now) return null;
  if (stored.fingerprint !== w.fingerprint) {
    throw new AppError(
      "idempotency_key_reused",
      `This ${IDEMPOTENCY_HEADER} was already used for a different request. Use a new key for a new request.`,
    );
  }
  if (stored.responseBody === null) return { status: stored.responseStatus, body: null };
  const body = openAnswer(stored.responseBody);
  return body === null ? null : { status: stored.responseStatus, body };
}

/** Stores the answer under the key, in the same transaction as the write it answers. */
export async function storeAnswer(tx: Tx, w: KeyedWrite, answer: StoredAnswer): Promise<void> {
  const row = {
    fingerprint: w.fingerprint,
    responseStatus: answer.status,
    responseBody: answer.body === null ? null : sealAnswer(answer.body),
    createdAt: w.now,
    expiresAt: new Date(w.now.getTime() + IDEMPOTENCY_TTL_MS),
  };
  // An expired row with the same key may still be there (the purge runs hourly): replace it.
  await tx.idempotencyKey.upsert({
    where: { caller_key: { caller: w.caller, key: w.key } },
    create: { caller: w.caller, key: w.key, ...row },
    update: row,
  });
}

/** Forgets answers past their 24 hours; the worker runs it every hour. */
export async function purgeExpiredKeys(db: Tx, now: Date): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
