import "server-only";
import { noBlockWith } from "@/lib/server/queries/member-visibility";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import { policyFromRow } from "@/lib/server/queries/policy";
import { verifyConfig } from "@/lib/server/verify/config";
import { FetchRefused, ProviderFault } from "@/lib/server/verify/safe-fetch";
import { feedStart, inWindow, targetKey, type FoundPost } from "@/lib/verify/found";
import { FINDABLE_NETWORKS, type VerifyNetwork } from "@/lib/verify/networks";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import { POLICY_BOUNDS } from "@/lib/warmup/policy";
import { OFFER_READERS } from "./readers";
import type { ReaderDeps } from "./readers/types";

export { FIND_MAX_PAGES } from "./readers/types";

export type FindDeps = Partial<ReaderDeps>;
export type FindOutcome = { outcome: "skipped" } | { outcome: "found"; created: number };

type Found = { network: VerifyNetwork; post: FoundPost };
/** `externalId`: the account the post was matched to (null: matched by handle only) */
type Target = { id: string; windowDays: number; externalId: string | null };

/**
 * "Found for you" (the `interactions.find` job; never inside a member's request): reads an
 * opted-in member's own public posts on each network where their account is verified and
 * Rapport has a reader (readers/), and offers them each reply to, mention of or comment on
 * another member's verified account on that network, inside that member's window — someone
 * neither blocked nor blocking, suspended or leaving. Nothing is logged: the member adds or
 * dismisses offers on /interactions.
 *
 * The networks are read first, outside any transaction; one transaction then inserts the offers,
 * only while the member is still opted in and the accounts each rests on are still verified
 * (stillVerified), skipping posts already offered (the unique
 * (actor, target, post) index: added and dismissed offers are never offered again) or already
 * logged by hand. A network the fetcher refuses (its limits) offers nothing this run. A provider
 * fault on one network does not cost the others their offers: what
 * was read is stored, the member stays due (`interactions_found_at` unchanged) and the fault is
 * thrown afterwards, so the job retries.
 */
export async function findInteractionOffers(db: Db, { memberId, now, deps = {} }: { memberId: string; now: Date; deps?: FindDeps }): Promise<FindOutcome> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) return { outcome: "skipped" };
  const me = await db.member.findFirst({
    where: { id: memberId, findInteractions: true, deleteAt: null },
    select: {
      suspendedAt: true,
      suspendedUntil: true,
      linkedAccounts: { where: { network: { in: [...FINDABLE_NETWORKS] }, verifiedAt: { not: null }, externalId: { not: null } }, select: { network: true, handle: true, externalId: true } },
    },
  });
  if (!me || me.linkedAccounts.length === 0 || isSuspendedAt(me, now)) return { outcome: "skipped" };

  const start = feedStart(now, POLICY_BOUNDS.freshnessDays.max);
  const found: Found[] = [];
  let fault: ProviderFault | null = null;
  for (const account of me.linkedAccounts) {
    const network = account.network as VerifyNetwork;
    try {
      const posts = await OFFER_READERS[network]!({ handle: account.handle, externalId: account.externalId! }, start, { ...deps, config });
      for (const post of posts) found.push({ network, post });
    } catch (e) {
      if (e instanceof ProviderFault) fault ??= e;
      // Refused by the fetcher's limits (an oversized answer): retrying would not change it, and
      // one member's network must not stop the sweep for everyone else. Nothing from it this run.
      else if (e instanceof FetchRefused) console.warn(`[offers] ${network} for ${memberId}: ${e.message}; nothing read from it this run`);
      else throw e;
    }
  }

  const targets = await resolveTargets(db, { memberId, found, now });
  const offers = found.flatMap(({ network, post }) => {
    const target = targets.get(`${network} ${targetKey(post.target)}`);
    return target && inWindow(post.occurredAt, target.windowDays, now) ? [{ network, post, targetId: target.id, targetExternalId: target.externalId }] : [];
  });

  const result = await db.$transaction(async (tx) => {
    // Opted out (or gone) while the networks were read: nothing is kept of it.
    const still = await tx.member.updateMany({ where: { id: memberId, findInteractions: true }, data: fault ? { findInteractions: true } : { interactionsFoundAt: now } });
    if (still.count === 0) return { outcome: "skipped" as const };
    if (offers.length === 0) return { outcome: "found" as const, created: 0 };
    const resting = await stillVerified(tx, { memberId, read: me.linkedAccounts, offers });
    // A post the member already logged by hand (by the same link) is not offered again.
    const logged = await tx.loggedInteraction.findMany({
      where: { actorId: memberId, evidenceUrl: { in: offers.map((o) => o.post.postUrl) } },
      select: { targetId: true, evidenceUrl: true },
    });
    const done = new Set(logged.map((l) => `${l.targetId} ${l.evidenceUrl}`));
    const rows = offers
      .filter((o) => resting(o) && !done.has(`${o.targetId} ${o.post.postUrl}`))
      .map(({ network, post, targetId }) => ({
        actorId: memberId,
        targetId,
        network,
        postUri: post.postUri,
        postUrl: post.postUrl,
        kind: post.kind,
        occurredAt: post.occurredAt,
        createdAt: now,
      }));
    const res = await tx.interactionOffer.createMany({ data: rows, skipDuplicates: true });
    return { outcome: "found" as const, created: res.count };
  });
  if (fault && result.outcome === "found") throw fault;
  return result;
}

/**
 * Which offers still rest on verified accounts, both sides, as they were when the networks were
 * read: an account unlinked or replaced meanwhile offers nothing (unlinking forgets the open
 * offers resting on it, and must not find new ones after it). The rows are read FOR SHARE, so
 * an unlink that comes later waits for this transaction and then forgets what it inserts; one
 * already under way (its row locked) is skipped, not waited for — no lock cycle with a write
 * holding the member's row — and counts as not verified this run.
 */
async function stillVerified(
  tx: Tx,
  p: { memberId: string; read: { network: string; externalId: string | null }[]; offers: { network: VerifyNetwork; targetId: string; targetExternalId: string | null }[] },
): Promise<(o: { network: VerifyNetwork; targetId: string; targetExternalId: string | null }) => boolean> {
  const ids = [p.memberId, ...new Set(p.offers.map((o) => o.targetId))];
  const rows = await tx.$queryRaw<{ member_id: string; network: string; external_id: string | null }[]>`
    SELECT member_id, network, external_id FROM linked_account
    WHERE member_id = ANY(${ids}::text[]) AND verified_at IS NOT NULL
    FOR SHARE SKIP LOCKED`;
  const now = new Map(rows.map((r) => [`${r.member_id} ${r.network}`, r.external_id]));
  const mine = new Map(p.read.map((a) => [a.network, a.externalId]));
  return (o) => {
    const actor = now.get(`${p.memberId} ${o.network}`);
    const target = now.get(`${o.targetId} ${o.network}`);
    return actor !== undefined && actor === mine.get(o.network) && target !== undefined && (o.targetExternalId === null || target === o.targetExternalId);
  };
}

/**
 * The members the found posts concern, by "network id:…" or "network handle:…" (see targetKey):
 * verified accounts of others on that network, not in a block with the actor, not leaving, not
 * suspended — each with their protocol's window.
 */
async function resolveTargets(db: Db, { memberId, found, now }: { memberId: string; found: Found[]; now: Date }): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  const ids = new Map<VerifyNetwork, Set<string>>();
  const handles = new Map<VerifyNetwork, Set<string>>();
  for (const { network, post } of found) {
    const [bucket, value] = "id" in post.target ? [ids, post.target.id] : [handles, post.target.handle.toLowerCase()];
    if (!bucket.has(network)) bucket.set(network, new Set());
    bucket.get(network)!.add(value);
  }
  const or = [
    ...[...ids].map(([network, set]) => ({ network, externalId: { in: [...set] } })),
    ...[...handles].flatMap(([network, set]) => [...set].map((handle) => ({ network, handle: { equals: handle, mode: "insensitive" as const } }))),
  ];
  if (or.length === 0) return out;
  const [accounts, settings] = await Promise.all([
    db.linkedAccount.findMany({
      where: {
        OR: or,
        verifiedAt: { not: null },
        memberId: { not: memberId },
        member: { deleteAt: null, ...noBlockWith(memberId) },
      },
      select: { network: true, handle: true, externalId: true, member: { select: { id: true, suspendedAt: true, suspendedUntil: true, policy: true } } },
    }),
    getAppSettings(db),
  ]);
  for (const a of accounts) {
    if (isSuspendedAt(a.member, now)) continue;
    const target = { id: a.member.id, windowDays: policyFromRow(a.member.policy, settings).freshnessDays, externalId: a.externalId };
    if (a.externalId) out.set(`${a.network} ${targetKey({ id: a.externalId })}`, target);
    out.set(`${a.network} ${targetKey({ handle: a.handle })}`, target);
  }
  return out;
}

/** Opted-in members with a verified account on a network Rapport can read, last searched before `before` (or never), oldest first. */
export async function dueFinders(db: Db, { before, limit }: { before: Date; limit: number }): Promise<string[]> {
  const rows = await db.member.findMany({
    where: {
      findInteractions: true,
      deleteAt: null,
      OR: [{ interactionsFoundAt: null }, { interactionsFoundAt: { lt: before } }],
      linkedAccounts: { some: { network: { in: [...FINDABLE_NETWORKS] }, verifiedAt: { not: null } } },
    },
    orderBy: [{ interactionsFoundAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * After `memberId` verifies an account on `network`: the opted-in members verified there who
 * already have something with them on Rapport (a relationship row either way), not in a block
 * with them — least recently searched first, at most `limit`. Their own posts may reply to the
 * account just verified; the daily sweep reaches everyone else.
 */
export async function findersAbout(db: Db, { memberId, network, limit }: { memberId: string; network: VerifyNetwork; limit: number }): Promise<string[]> {
  if (!FINDABLE_NETWORKS.includes(network)) return [];
  const rows = await db.member.findMany({
    where: {
      id: { not: memberId },
      findInteractions: true,
      deleteAt: null,
      linkedAccounts: { some: { network, verifiedAt: { not: null } } },
      OR: [{ summariesOut: { some: { recipientId: memberId } } }, { summariesIn: { some: { requesterId: memberId } } }],
      ...noBlockWith(memberId),
    },
    orderBy: [{ interactionsFoundAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
