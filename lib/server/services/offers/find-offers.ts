import "server-only";
import type { Db } from "@/lib/db/create-client";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "@/lib/server/queries/policy";
import { blueskyApi, type BlueskyApi } from "@/lib/server/verify/bluesky-api";
import { verifyConfig, type VerifyConfig } from "@/lib/server/verify/config";
import { sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { didsInFeed, feedStart, offersFromFeed, reachedStart, type GetAuthorFeedOutput } from "@/lib/verify/bluesky-feed";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";

/** Pages of 100 posts read per member and run: the finder stops there even if the window goes further back. */
export const FIND_MAX_PAGES = 3;

export type FindDeps = { config?: VerifyConfig; bluesky?: BlueskyApi };
export type FindOutcome = { outcome: "skipped" } | { outcome: "found"; created: number };

/**
 * "Found for you" (the `interactions.find` job; never inside a member's request): reads an
 * opted-in member's own public Bluesky posts (app.bsky.feed.getAuthorFeed by their verified DID,
 * newest first, back to the longest window a protocol may have or FIND_MAX_PAGES pages) and
 * offers them each reply to, or mention of, another member's verified account inside that
 * member's window — someone neither blocked nor blocking, suspended or leaving. Nothing is
 * logged: the member adds or dismisses offers on /interactions.
 *
 * The network is read first, outside any transaction; one transaction then inserts the offers,
 * only while the member is still opted in, skipping posts already offered (the unique
 * (actor, target, post) index: added and dismissed offers are never offered again) or already
 * logged by hand. A provider fault throws ProviderFault: nothing is written, the job retries.
 */
export async function findInteractionOffers(db: Db, { memberId, now, deps = {} }: { memberId: string; now: Date; deps?: FindDeps }): Promise<FindOutcome> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) return { outcome: "skipped" };
  const me = await db.member.findFirst({
    where: { id: memberId, findInteractions: true, deleteAt: null },
    select: { suspendedAt: true, suspendedUntil: true, linkedAccounts: { where: { network: "bluesky", verifiedAt: { not: null } }, select: { externalId: true } } },
  });
  const actorDid = me?.linkedAccounts[0]?.externalId;
  if (!me || !actorDid || isSuspendedAt(me, now)) return { outcome: "skipped" };

  const api = deps.bluesky ?? blueskyApi(sharedFetcher(), config);
  const start = feedStart(now, POLICY_BOUNDS.freshnessDays.max);
  const feed: GetAuthorFeedOutput["feed"] = [];
  let cursor: string | undefined;
  for (let page = 0; page < FIND_MAX_PAGES; page++) {
    const out = await api.getAuthorFeed(actorDid, cursor);
    if (!out) break; // Bluesky will not show the feed (gone, or blocked): nothing to offer
    feed.push(...out.feed);
    if (reachedStart(out, start)) break;
    cursor = out.cursor;
  }

  const windowDaysByDid = new Map<string, number>();
  const memberByDid = new Map<string, { id: string }>();
  const dids = didsInFeed(feed, actorDid);
  if (dids.length > 0) {
    const [accounts, settings] = await Promise.all([
      db.linkedAccount.findMany({
        where: {
          network: "bluesky",
          externalId: { in: dids },
          verifiedAt: { not: null },
          memberId: { not: memberId },
          member: { deleteAt: null, blocksMade: { none: { blockedId: memberId } }, blocksGot: { none: { blockerId: memberId } } },
        },
        select: { externalId: true, member: { select: { id: true, suspendedAt: true, suspendedUntil: true, policy: true } } },
      }),
      getAppSettings(db),
    ]);
    for (const a of accounts) {
      if (!a.externalId || isSuspendedAt(a.member, now)) continue;
      windowDaysByDid.set(a.externalId, policyFromRow(a.member.policy, settings).freshnessDays);
      memberByDid.set(a.externalId, { id: a.member.id });
    }
  }
  const found = offersFromFeed(feed, { actorDid, windowDaysByDid, now });

  return db.$transaction(async (tx) => {
    // Opted out (or gone) while the feed was read: nothing is kept of it.
    const still = await tx.member.updateMany({ where: { id: memberId, findInteractions: true }, data: { interactionsFoundAt: now } });
    if (still.count === 0) return { outcome: "skipped" as const };
    if (found.length === 0) return { outcome: "found" as const, created: 0 };
    // A post the member already logged by hand (by the same link) is not offered again.
    const logged = await tx.loggedInteraction.findMany({
      where: { actorId: memberId, evidenceUrl: { in: found.map((f) => f.postUrl) } },
      select: { targetId: true, evidenceUrl: true },
    });
    const done = new Set(logged.map((l) => `${l.targetId} ${l.evidenceUrl}`));
    const rows = found
      .map((f) => ({ f, targetId: memberByDid.get(f.targetDid)!.id }))
      .filter(({ f, targetId }) => !done.has(`${targetId} ${f.postUrl}`))
      .map(({ f, targetId }) => ({
        actorId: memberId,
        targetId,
        network: "bluesky",
        postUri: f.postUri,
        postUrl: f.postUrl,
        kind: f.kind,
        occurredAt: f.occurredAt,
        createdAt: now,
      }));
    const res = await tx.interactionOffer.createMany({ data: rows, skipDuplicates: true });
    return { outcome: "found" as const, created: res.count };
  });
}

/** Opted-in members with a verified Bluesky account whose posts were last read before `before` (or never), oldest first. */
export async function dueFinders(db: Db, { before, limit }: { before: Date; limit: number }): Promise<string[]> {
  const rows = await db.member.findMany({
    where: {
      findInteractions: true,
      deleteAt: null,
      OR: [{ interactionsFoundAt: null }, { interactionsFoundAt: { lt: before } }],
      linkedAccounts: { some: { network: "bluesky", verifiedAt: { not: null } } },
    },
    orderBy: [{ interactionsFoundAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
