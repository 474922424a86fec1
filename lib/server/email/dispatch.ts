import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import type { MailSender } from "./transport";

/** Delivery tries per message before it is dead-lettered (shown to admins at /admin). */
export const MAX_ATTEMPTS = 6;
/** The wait after the first failed try; it doubles after each (1, 2, 4, 8, 16 minutes). */
export const BACKOFF_BASE_SECONDS = 60;
/** How long a worker holds a claimed row; after it the row is free again (the worker died mid-send). */
export const LEASE_SECONDS = 5 * 60;

export type DispatchOptions = {
  now: Date;
  sender: MailSender;
  limit?: number;
  maxAttempts?: number;
  backoffBaseSeconds?: number;
  leaseSeconds?: number;
};

type Claimed = { id: string; key: string; recipient: string; subject: string; text_body: string; html_body: string; headers: unknown; attempts: number };

/** The wait before try `attempts + 1`, after `attempts` failed tries: base · 2^(attempts − 1). */
export const backoffSeconds = (attempts: number, base = BACKOFF_BASE_SECONDS) => base * 2 ** Math.max(0, attempts - 1);

/**
 * Sends the due messages of the outbox. Each row is first claimed in a short transaction
 * (FOR UPDATE SKIP LOCKED, then a lease with this run's claim id), so two workers never send
 * the same row; the SMTP conversation happens outside any transaction, so a slow server holds
 * no lock and no connection. Then the row is marked sent — or, after a failure, scheduled again
 * with exponential backoff, and dead after `maxAttempts`. A crash between sending and marking
 * sends the message again when the lease ends, with the same Message-ID (at least once).
 */
export async function dispatchOutbox(db: Db, o: DispatchOptions): Promise<{ sent: number; failed: number; dead: number }> {
  const claim = `c_${crypto.randomUUID()}`;
  const leaseUntil = new Date(o.now.getTime() + (o.leaseSeconds ?? LEASE_SECONDS) * 1000);
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE email_outbox SET locked_until = ${leaseUntil}, claim_id = ${claim}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status = 'pending' AND next_attempt_at <= ${o.now} AND (locked_until IS NULL OR locked_until <= ${o.now})
      ORDER BY next_attempt_at, id
      LIMIT ${o.limit ?? 50}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, key, recipient, subject, text_body, html_body, headers, attempts`;
  const result = { sent: 0, failed: 0, dead: 0 };
  const max = o.maxAttempts ?? MAX_ATTEMPTS;
  for (const row of rows) {
    try {
      await o.sender.send({
        key: row.key,
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        headers: (typeof row.headers === "string" ? JSON.parse(row.headers) : row.headers) as Record<string, string>,
      });
      await db.$executeRaw`
        UPDATE email_outbox SET status = 'sent', sent_at = ${new Date()}, locked_until = NULL, last_error = NULL
        WHERE id = ${row.id} AND claim_id = ${claim}`;
      result.sent++;
    } catch (e) {
      const error = String((e as Error).message ?? e).slice(0, 1000);
      if (row.attempts >= max) {
        await db.$executeRaw`
          UPDATE email_outbox SET status = 'dead', last_error = ${error}, locked_until = NULL
          WHERE id = ${row.id} AND claim_id = ${claim}`;
        result.dead++;
      } else {
        const next = new Date(o.now.getTime() + backoffSeconds(row.attempts, o.backoffBaseSeconds) * 1000);
        await db.$executeRaw`
          UPDATE email_outbox SET last_error = ${error}, next_attempt_at = ${next}, locked_until = NULL
          WHERE id = ${row.id} AND claim_id = ${claim}`;
        result.failed++;
      }
    }
  }
  return result;
}
