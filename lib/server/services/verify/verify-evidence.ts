import "server-only";
import type { Db } from "@/lib/db/create-client";
import { blueskyApi, type BlueskyApi } from "@/lib/server/verify/bluesky-api";
import { verifyConfig, type VerifyConfig } from "@/lib/server/verify/config";
import { FetchRefused, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { refreshAndNotify, warmthBefore } from "@/lib/server/services/interactions/record-interaction";
import { blueskyAccountProblem, judgeBlueskyPost, parseBlueskyPostUrl, type Verdict } from "@/lib/verify/bluesky";
import { checkableNetwork, type VerifyNetwork } from "@/lib/verify/networks";
import { checkMastodon } from "@/lib/server/services/verify/check-mastodon";
import { mastodonApi, type MastodonApi } from "@/lib/server/verify/mastodon-api";
import { checkGitHub } from "@/lib/server/services/verify/check-github";
import { gitHubApi, type GitHubApi } from "@/lib/server/verify/github-api";

export type VerifyDeps = { config?: VerifyConfig; bluesky?: BlueskyApi; mastodon?: MastodonApi; github?: GitHubApi };
export type VerifyOutcome = "skipped" | "matched" | "mismatch" | "refused";

/**
 * Checks one logged interaction's evidence through the network's public API (the
 * `evidence.verify` job; never inside a member's request). The network is read first, outside
 * any transaction; then one transaction applies the verdict, conditional on the row still being
 * pending and queued (a confirmation, dispute or withdrawal in between wins):
 * - matched: the interaction becomes `verified` (counts in full at once) and the pair's
 *   summaries are rewritten in the same transaction, as a confirmation does;
 * - mismatch or refused: it stays pending for the other member, with the reason for the actor.
 * A provider fault (down, slow, 429, nonsense) throws ProviderFault: nothing is written and the
 * job retries later. Idempotent: a second run finds nothing queued.
 */
export async function verifyEvidence(db: Db, { loggedId, now, deps = {} }: { loggedId: string; now: Date; deps?: VerifyDeps }): Promise<VerifyOutcome> {
  const config = deps.config ?? verifyConfig();
  if (!config.enabled) return "skipped";
  const row = await db.loggedInteraction.findFirst({
    where: { id: loggedId, status: "pending", checkState: "queued" },
    select: {
      id: true,
      actorId: true,
      targetId: true,
      evidenceUrl: true,
      occurredOn: true,
      target: { select: { name: true } },
    },
  });
  if (!row) return "skipped";
  const network = checkableNetwork(row.evidenceUrl);
  const checker = network ? CHECKERS[network] : undefined;
  if (!network || !checker || !row.evidenceUrl) {
    return apply(db, row, { state: "refused", reason: "Rapport cannot check links from this site; it waits for the other member to confirm." }, now);
  }
  const accounts = await db.linkedAccount.findMany({
    where: { memberId: { in: [row.actorId, row.targetId] }, network, verifiedAt: { not: null } },
    select: { memberId: true, externalId: true, handle: true },
  });
  const account = (id: string) => accounts.find((a) => a.memberId === id)?.externalId ?? null;
  let verdict: Verdict;
  try {
    verdict = await checker(row.evidenceUrl, {
      actorAccount: account(row.actorId),
      targetAccount: account(row.targetId),
      targetHandle: accounts.find((a) => a.memberId === row.targetId)?.handle ?? null,
      targetName: row.target.name,
      occurredOn: row.occurredOn.toISOString().slice(0, 10),
    }, { config, deps });
  } catch (e) {
    if (e instanceof FetchRefused) return apply(db, row, { state: "refused", reason: `Rapport did not fetch this link: ${e.message}.` }, now);
    throw e;
  }
  return apply(db, row, verdict.outcome === "matched" ? { state: "matched", network } : { state: "mismatch", reason: verdict.reason }, now);
}

/**
 * What a network's checker is told: the verified accounts' external ids on that network (null:
 * none), and the handle on the target's (GitHub matches @mentions by login).
 */
export type CheckFacts = { actorAccount: string | null; targetAccount: string | null; targetHandle: string | null; targetName: string; occurredOn: string };
/** One per network: reads the evidence through that network's API and judges it (ProviderFault: retry later). */
type Checker = (url: string, facts: CheckFacts, ctx: { config: VerifyConfig; deps: VerifyDeps }) => Promise<Verdict>;

const CHECKERS: Record<VerifyNetwork, Checker> = {
  bluesky: (url, f, { config, deps }) =>
    checkBluesky(deps.bluesky ?? blueskyApi(sharedFetcher(), config), url, { actorDid: f.actorAccount, targetDid: f.targetAccount, targetName: f.targetName, occurredOn: f.occurredOn }),
  mastodon: (url, f, { deps }) => checkMastodon(deps.mastodon ?? mastodonApi(sharedFetcher()), url, f),
  github: (url, f, { config, deps }) => checkGitHub(deps.github ?? gitHubApi(sharedFetcher(), config), url, { ...f, targetLogin: f.targetHandle }),
};

async function checkBluesky(api: BlueskyApi, url: string, facts: Parameters<typeof judgeBlueskyPost>[1]): Promise<Verdict> {
  const ref = parseBlueskyPostUrl(url);
  if (!ref) return { outcome: "mismatch", reason: "This is not a link to a Bluesky post (https://bsky.app/profile/…/post/…)." };
  const missing = blueskyAccountProblem(facts);
  if (missing) return missing;
  const author = ref.actor.startsWith("did:") ? ref.actor : await api.resolveHandle(ref.actor);
  if (!author) return { outcome: "mismatch", reason: `There is no Bluesky account @${ref.actor} — the post is gone or the link is wrong.` };
  const thread = await api.getPostThread(`at://${author}/app.bsky.feed.post/${ref.rkey}`);
  return judgeBlueskyPost(thread, facts);
}

type Applied = { state: "matched"; network: string } | { state: "mismatch" | "refused"; reason: string };

async function apply(db: Db, row: { id: string; actorId: string; targetId: string }, v: Applied, now: Date): Promise<VerifyOutcome> {
  return db.$transaction(async (tx) => {
    const where = { id: row.id, status: "pending", checkState: "queued" };
    if (v.state !== "matched") {
      const res = await tx.loggedInteraction.updateMany({ where, data: { checkState: v.state, checkReason: v.reason, checkedAt: now } });
      return res.count ? v.state : "skipped";
    }
    const pair = { actorId: row.actorId, targetId: row.targetId };
    const { before } = await warmthBefore(tx, { ...pair, now });
    const res = await tx.loggedInteraction.updateMany({
      where,
      data: { status: "verified", verifiedBy: v.network, decidedAt: now, checkState: "matched", checkReason: null, checkedAt: now },
    });
    if (res.count === 0) return "skipped";
    await tx.interaction.updateMany({ where: { loggedId: row.id, verification: "pending" }, data: { verification: "verified" } });
    await refreshAndNotify(tx, { ...pair, before, now });
    return "matched";
  });
}

/** Ids of logged interactions waiting for a check (the job's sweep: lost sends, checks whose retries ran out). */
export async function queuedEvidence(db: Db, limit: number): Promise<string[]> {
  const rows = await db.loggedInteraction.findMany({ where: { status: "pending", checkState: "queued" }, orderBy: { createdAt: "asc" }, take: limit, select: { id: true } });
  return rows.map((r) => r.id);
}
