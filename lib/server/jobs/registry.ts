import "server-only";
import { z } from "zod";
import { expireRequests } from "@/lib/server/services/requests/expire-requests";
import { refreshDueSummaries } from "@/lib/server/services/summaries/refresh-due";
import { purgeExpiredKeys } from "@/lib/server/idempotency/store";
import { eraseDueAccounts } from "@/lib/server/services/accounts/erase-account";
import { queueWeeklyDigests } from "@/lib/server/services/notifications/weekly-digest";
import { dispatchOutbox } from "@/lib/server/email/dispatch";
import { mailSender } from "@/lib/server/email/transport";
import { queuedEvidence, verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { ProviderFault } from "@/lib/server/verify/safe-fetch";
import { dueFinders, findersAbout, findInteractionOffers } from "@/lib/server/services/offers/find-offers";
import { VERIFY_NETWORKS } from "@/lib/verify/networks";
import { DAY, HOUR } from "@/lib/warmup/time";
import { defineJob } from "./define";

/** Jobs that only run on a schedule (or a rare enqueue) start within this many seconds of their tick. */
export const SCHEDULED_POLL_SECONDS = 15;

/** Per run of `summaries.refresh`: batches of this many pairs, at most this many batches. */
export const SUMMARY_BATCH = 500;
export const SUMMARY_MAX_BATCHES = 20;

/**
 * Expires every pending request past its date and tells the requesters (what `npm run
 * jobs:expire` does). Idempotent: `expireRequests` only moves rows still pending and past
 * `expires_at`, in one conditional update, so each request is expired exactly once however
 * many runs overlap or repeat.
 */
export const requestsExpire = defineJob({
  name: "requests.expire",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    await db.$transaction((tx) => expireRequests(tx, { now }));
  },
  retry: { retryLimit: 2, retryDelay: 30 },
  expireInSeconds: 5 * 60,
  pollSeconds: SCHEDULED_POLL_SECONDS,
  schedule: { cron: "*/5 * * * *", payload: {} },
});

/**
 * Rewrites due relationship summaries (stale, or past `valid_until`), oldest first, in
 * batches of 500 until none is left or 20 batches are done (the next run goes on).
 * Idempotent: a summary is recomputed from the facts, so running it twice stores the same
 * row; rows a write or another worker holds are skipped (`FOR UPDATE SKIP LOCKED`). Runs
 * every minute, which is also what picks up rows marked stale by a protocol change or an
 * admin's settings change (services never enqueue jobs), and on demand.
 */
export const summariesRefresh = defineJob({
  name: "summaries.refresh",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    for (let batch = 0; batch < SUMMARY_MAX_BATCHES; batch++) {
      const { refreshed } = await refreshDueSummaries(db, { now, limit: SUMMARY_BATCH });
      if (refreshed === 0) return;
    }
  },
  retry: { retryLimit: 2, retryDelay: 10 },
  expireInSeconds: 10 * 60,
  pollSeconds: SCHEDULED_POLL_SECONDS,
  schedule: { cron: "* * * * *", payload: {} },
});

/**
 * Forgets stored answers to writes sent with an idempotency key once their 24 hours are up
 * (lib/server/idempotency/). Idempotent: one conditional delete. Until it runs, an expired
 * answer is ignored and replaced by the next write with its key, so a late purge is harmless.
 */
export const idempotencyPurge = defineJob({
  name: "idempotency.purge",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    await purgeExpiredKeys(db, now);
  },
  retry: { retryLimit: 2, retryDelay: 60 },
  expireInSeconds: 10 * 60,
  pollSeconds: SCHEDULED_POLL_SECONDS,
  schedule: { cron: "17 * * * *", payload: {} },
});

/**
 * Erases the accounts whose 14 days after "Delete my account" are up
 * (lib/server/services/accounts/erase-account.ts), 50 per batch, at most 20 batches a run (the
 * next run goes on). Idempotent: each member is erased in its own transaction, under a lock,
 * only while still due, so a repeated or overlapping run erases nobody twice and never a
 * member who signed in again.
 */
export const accountsErase = defineJob({
  name: "accounts.erase",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    await eraseDueAccounts(db, { now });
  },
  retry: { retryLimit: 2, retryDelay: 300 },
  expireInSeconds: 15 * 60,
  pollSeconds: SCHEDULED_POLL_SECONDS,
  schedule: { cron: "41 * * * *", payload: {} },
});

/**
 * Sends the due emails of the outbox (lib/server/email/dispatch.ts), in batches of 50 until
 * none is due. Idempotent and safe to overlap: rows are claimed with SKIP LOCKED and a lease,
 * so each message goes to one worker. Runs every minute by cron and every 5 seconds from each
 * worker (`repeatSeconds`), so a password-reset email leaves within seconds. Failed sends are
 * retried by the outbox's own backoff, not by pg-boss.
 */
export const emailDispatch = defineJob({
  name: "email.dispatch",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    const sender = mailSender();
    for (let batch = 0; batch < 20; batch++) {
      const { sent, failed, dead } = await dispatchOutbox(db, { now, sender });
      if (sent + failed + dead === 0) return;
    }
  },
  retry: { retryLimit: 0, retryDelay: 0 },
  expireInSeconds: 10 * 60,
  schedule: { cron: "* * * * *", payload: {} },
  repeatSeconds: 5,
});

/**
 * Writes the weekly digest emails into the outbox, Mondays 08:00 UTC (email.dispatch sends
 * them). Idempotent: one outbox key per member and ISO week.
 */
export const emailDigest = defineJob({
  name: "email.digest",
  payload: z.object({}),
  handler: async (db, _payload, { now }) => {
    await queueWeeklyDigests(db, { now });
  },
  retry: { retryLimit: 2, retryDelay: 300, retryBackoff: true },
  expireInSeconds: 30 * 60,
  pollSeconds: SCHEDULED_POLL_SECONDS,
  schedule: { cron: "0 8 * * 1", payload: {} },
});

/** Every job the worker runs, by name. */
/** Logged interactions checked per sweep of `evidence.verify`. */
export const EVIDENCE_SWEEP = 50;

/**
 * Checks a logged interaction's evidence link through the network's public API
 * (lib/server/services/verify/verify-evidence.ts). Sent with `{ loggedId }` by the edge right
 * after a member logs a checkable link; a provider fault (down, slow, 429, nonsense) throws, and
 * pg-boss retries it with exponential backoff (30 s, 60 s, 2 min, … 6 tries). Every 5 minutes a
 * sweep without `loggedId` checks what is still queued (a send that was lost, a check whose
 * retries ran out while the provider was down), leaving faulty ones queued for the next sweep.
 * Idempotent: the verdict is written only while the row is pending and queued.
 */
export const evidenceVerify = defineJob({
  name: "evidence.verify",
  payload: z.object({ loggedId: z.string().min(1).max(64).optional() }),
  handler: async (db, { loggedId }, { now }) => {
    if (loggedId) {
      await verifyEvidence(db, { loggedId, now });
      return;
    }
    for (const id of await queuedEvidence(db, EVIDENCE_SWEEP)) {
      try {
        await verifyEvidence(db, { loggedId: id, now });
      } catch (e) {
        if (!(e instanceof ProviderFault)) throw e;
        console.warn(`[jobs] evidence.verify ${id}: ${e.message}; stays queued`);
      }
    }
  },
  retry: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  expireInSeconds: 5 * 60,
  pollSeconds: 1,
  schedule: { cron: "*/5 * * * *", payload: {} },
});

/** Members whose own posts one sweep of `interactions.find` reads (each up to its networks' page budgets). */
export const FIND_SWEEP = 25;
/** Members searched again when someone they know verifies an account (GitHub allows 60 unauthenticated reads an hour). */
export const FIND_ABOUT = 10;

/**
 * "Found for you" (lib/server/services/offers/find-offers.ts): reads an opted-in member's own
 * public posts on the networks Rapport can read for replies to and mentions of members with
 * verified accounts, and stores offers for them to add or dismiss. Sent with `{ memberId }` by the
 * edge when a member opts in or verifies an account; with `{ about, network }` when `about` has
 * just verified an account on `network`, to search again the opted-in members who know them
 * (findersAbout, at most FIND_ABOUT). A provider fault throws and pg-boss retries (1 min, 2 min,
 * 4 min). Every hour a sweep with neither searches up to 25 opted-in members not searched for a
 * day (least recently searched first), so each is searched about daily; one whose provider
 * faults stays due for the next sweep. Idempotent: offers are unique per member, other member and
 * post, so a repeated run inserts nothing.
 */
export const interactionsFind = defineJob({
  name: "interactions.find",
  payload: z.object({
    memberId: z.string().min(1).max(64).optional(),
    about: z.string().min(1).max(64).optional(),
    network: z.enum(VERIFY_NETWORKS).optional(),
  }),
  handler: async (db, { memberId, about, network }, { now }) => {
    if (memberId) {
      await findInteractionOffers(db, { memberId, now });
      return;
    }
    const ids =
      about && network
        ? await findersAbout(db, { memberId: about, network, limit: FIND_ABOUT })
        : await dueFinders(db, { before: new Date(now.getTime() - DAY + HOUR), limit: FIND_SWEEP });
    for (const id of ids) {
      try {
        await findInteractionOffers(db, { memberId: id, now });
      } catch (e) {
        if (!(e instanceof ProviderFault)) throw e;
        console.warn(`[jobs] interactions.find ${id}: ${e.message}; stays due`);
      }
    }
  },
  retry: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  expireInSeconds: 15 * 60,
  pollSeconds: 2,
  schedule: { cron: "37 * * * *", payload: {} },
});

export const ALL_JOBS = [requestsExpire, summariesRefresh, idempotencyPurge, accountsErase, emailDispatch, emailDigest, evidenceVerify, interactionsFind] as const;

export type JobName = (typeof ALL_JOBS)[number]["name"];
export type RegisteredJob<N extends JobName> = Extract<(typeof ALL_JOBS)[number], { name: N }>;
export type JobPayload<N extends JobName> = z.input<RegisteredJob<N>["payload"]>;

export function jobByName<N extends JobName>(name: N): RegisteredJob<N> {
  const def = ALL_JOBS.find((j) => j.name === name);
  if (!def) throw new Error(`No job named ${name}.`);
  return def as RegisteredJob<N>;
}
