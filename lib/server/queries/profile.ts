import "server-only";
import { mastodonProfileUrl, parseMastodonAcct } from "@/lib/verify/mastodon";
import { gitHubProfileUrl } from "@/lib/verify/github";
import type { VerifyNetwork } from "@/lib/verify/networks";
import type { Tx } from "@/lib/server/db";

/** The member fields a profile shows (and the profile editor returns). */
export const PROFILE_SELECT = {
  id: true,
  handle: true,
  name: true,
  headline: true,
  bio: true,
  location: true,
  linkX: true,
  linkLinkedin: true,
  linkMastodon: true,
  linkBluesky: true,
  linkGithub: true,
  linkWebsite: true,
  topics: true,
  discoverable: true,
  role: true,
  createdAt: true,
} as const;

export type PublicProfile = {
  id: string;
  handle: string;
  name: string;
  headline: string;
  bio: string;
  location: string | null;
  links: { label: string; url: string }[];
  /** accounts on other networks the member proved are theirs (issue 20) */
  verifiedAccounts: { network: VerifyNetwork; handle: string; url: string }[];
  /** the Mastodon account the member linked, verified or not: the profile links to it with rel="me" (the account's field links back) */
  mastodonRelMe: string | null;
  topics: string[];
  createdAt: Date;
  /** the viewer blocked this member (they can still see the profile, to unblock) */
  blockedByViewer: boolean;
  /** the member asked to delete their account: erased on this date unless they sign in before */
  leavingOn: Date | null;
};

const LINK_LABELS = [
  ["linkX", "X/Twitter"],
  ["linkLinkedin", "LinkedIn"],
  ["linkMastodon", "Mastodon"],
  ["linkBluesky", "Bluesky"],
  ["linkGithub", "GitHub"],
  ["linkWebsite", "Website"],
] as const;

/**
 * A member's public profile as the viewer may see it, or null when it does not exist for
 * them: unknown handle, or the member blocked the viewer (a block is never revealed).
 */
export async function findProfile(db: Tx, p: { handle: string; viewerId: string | null }): Promise<PublicProfile | null> {
  const { handle, viewerId } = p;
  const m = await db.member.findUnique({
    where: { handle: handle.toLowerCase() },
    select: {
      ...PROFILE_SELECT,
      deleteAt: true,
      linkedAccounts: { select: { network: true, handle: true, externalId: true, verifiedAt: true }, orderBy: { network: "asc" } },
    },
  });
  if (!m) return null;
  let blockedByViewer = false;
  if (viewerId && viewerId !== m.id) {
    const blocks = await db.block.findMany({
      where: { OR: [{ blockerId: m.id, blockedId: viewerId }, { blockerId: viewerId, blockedId: m.id }] },
      select: { blockerId: true },
    });
    if (blocks.some((b) => b.blockerId === m.id)) return null;
    blockedByViewer = blocks.length > 0;
  }
  return {
    id: m.id,
    handle: m.handle,
    name: m.name,
    headline: m.headline,
    bio: m.bio,
    location: m.location,
    links: LINK_LABELS.flatMap(([k, label]) => (m[k] ? [{ label, url: m[k] as string }] : [])),
    verifiedAccounts: m.linkedAccounts.flatMap((a): PublicProfile["verifiedAccounts"] =>
      !a.verifiedAt
        ? []
        : a.network === "mastodon"
          ? [{ network: "mastodon" as const, handle: a.handle, url: a.externalId ?? "" }]
          : a.network === "github"
            ? [{ network: "github" as const, handle: a.handle, url: gitHubProfileUrl(a.handle) }]
            : a.network === "bluesky"
              ? [{ network: "bluesky" as const, handle: a.handle, url: `https://bsky.app/profile/${encodeURIComponent(a.handle)}` }]
              : [],
    ),
    mastodonRelMe: mastodonRelMe(m.linkedAccounts),
    topics: m.topics,
    createdAt: m.createdAt,
    blockedByViewer,
    leavingOn: m.deleteAt,
  };
}

/** The rel="me" target for a linked Mastodon account (verified or still waiting for its back-link). */
function mastodonRelMe(accounts: { network: string; handle: string; externalId: string | null }[]): string | null {
  const a = accounts.find((x) => x.network === "mastodon");
  if (!a) return null;
  if (a.externalId) return a.externalId;
  const acct = parseMastodonAcct(a.handle);
  return acct ? mastodonProfileUrl(acct) : null;
}
