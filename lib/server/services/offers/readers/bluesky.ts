import "server-only";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { postsFromFeed, reachedStart, type GetAuthorFeedOutput } from "@/lib/verify/bluesky-feed";
import { FIND_MAX_PAGES, type OfferReader } from "./types";

/**
 * Bluesky: the actor's own author feed (app.bsky.feed.getAuthorFeed by their verified DID, replies
 * included, newest first), page by page back to `start` or FIND_MAX_PAGES pages of 100.
 */
export const readBluesky: OfferReader = async (account, start, deps) => {
  const api = deps.bluesky ?? blueskyApi(sharedFetcher(), deps.config);
  const feed: GetAuthorFeedOutput["feed"] = [];
  let cursor: string | undefined;
  for (let page = 0; page < FIND_MAX_PAGES; page++) {
    const out = await api.getAuthorFeed(account.externalId, cursor);
    if (!out) break; // Bluesky will not show the feed (gone, or blocked): nothing to offer
    feed.push(...out.feed);
    if (reachedStart(out, start)) break;
    cursor = out.cursor;
  }
  return postsFromFeed(feed, account.externalId);
};
