import "server-only";
import type { Tx } from "@/lib/server/db";
import { VERIFY_NETWORKS, type VerifyNetwork } from "@/lib/verify/networks";
import { checkBlueskyLink, storeBlueskyLink, type BlueskyLinkCheck } from "./link-account";
import { storeUnlink } from "./link-store";
import { checkMastodonLink, storeMastodonLink, type MastodonLinkCheck } from "./link-mastodon";
import { checkGitHubLink, storeGitHubLink, type GitHubLinkCheck, type GitHubLinkInput } from "./link-github";

/** PATCH /me's `linkedAccounts`: per network, what to link (or check again), or null to unlink. */
export type LinkRequests = { bluesky?: string | null; mastodon?: string | null; github?: GitHubLinkInput | null };
type LinkCheck = BlueskyLinkCheck | MastodonLinkCheck | GitHubLinkCheck;
/** What the networks said, per network asked about (null: unlink); storeLinkChanges writes it. */
export type LinkChanges = Partial<Record<VerifyNetwork, LinkCheck | null>>;
/** What each network's link now is, for the searches a just-verified account starts (queueFindAfterVerify). */
export type LinksStored = Partial<Record<VerifyNetwork, { verifiedAt: Date | null }>>;

/**
 * Asks Bluesky, Mastodon and GitHub (in that order) about the links requested, before any
 * transaction opens, and writes nothing: the first refusal (no such account, the code not there
 * yet, a network down) throws, naming its field, and nothing of the request is stored.
 */
export async function checkLinkChanges(db: Tx, { memberId, links }: { memberId: string; links: LinkRequests }): Promise<LinkChanges> {
  const changes: LinkChanges = {};
  if (links.bluesky !== undefined) changes.bluesky = links.bluesky === null ? null : await checkBlueskyLink(db, { memberId, handle: links.bluesky });
  if (links.mastodon !== undefined) changes.mastodon = links.mastodon === null ? null : await checkMastodonLink(db, { memberId, handle: links.mastodon });
  if (links.github !== undefined) changes.github = links.github === null ? null : await checkGitHubLink(db, { memberId, input: links.github });
  return changes;
}

/**
 * Writes checked links and removes unlinked ones, in the caller's transaction, through the same
 * store as each network's own link service. A link refused here (verified by another member, or
 * changed since it was checked) throws, and the caller's transaction stores nothing.
 */
export async function storeLinkChanges(tx: Tx, { memberId, changes, now }: { memberId: string; changes: LinkChanges; now: Date }): Promise<LinksStored> {
  const stored: LinksStored = {};
  for (const network of VERIFY_NETWORKS) {
    const change = changes[network];
    if (change === undefined) continue;
    if (change === null) await storeUnlink(tx, { memberId, network });
    else stored[network] = await storeLink(tx, { memberId, check: change, now });
  }
  return stored;
}

function storeLink(tx: Tx, p: { memberId: string; check: LinkCheck; now: Date }): Promise<{ verifiedAt: Date | null }> {
  const { check } = p;
  switch (check.network) {
    case "bluesky":
      return storeBlueskyLink(tx, { ...p, check });
    case "mastodon":
      return storeMastodonLink(tx, { ...p, check });
    case "github":
      return storeGitHubLink(tx, { ...p, check });
  }
}
