import type { BlueskyApi } from "@/lib/server/verify/bluesky-api";
import type { GitHubApi } from "@/lib/server/verify/github-api";
import type { MastodonApi } from "@/lib/server/verify/mastodon-api";
import type { VerifyConfig } from "@/lib/server/verify/config";
import type { FoundPost } from "@/lib/verify/found";

/** Pages of (up to) 100 posts read per network, member and run: a reader stops there even if the window goes further back. */
export const FIND_MAX_PAGES = 3;

/** The clients a reader uses; tests pass their own (a fresh fetcher against a local fake). */
export type ReaderDeps = { config: VerifyConfig; bluesky?: BlueskyApi; mastodon?: MastodonApi; github?: GitHubApi };

/** The actor's verified account on the reader's network, as `linked_account` holds it. */
export type ReaderAccount = { handle: string; externalId: string };

/**
 * One network's part of "Found for you": reads the actor's **own** public posts, newest first,
 * back to `start` (or FIND_MAX_PAGES pages), and returns each one that replies to, mentions or
 * comments on another account. It reads the network only (never the database) and never inside a
 * transaction; a provider fault throws ProviderFault. Whether a target is a member, blocked, or
 * inside their window is the finder's to judge.
 */
export type OfferReader = (account: ReaderAccount, start: Date, deps: ReaderDeps) => Promise<FoundPost[]>;
