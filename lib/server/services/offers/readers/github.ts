import "server-only";
import { gitHubApi } from "@/lib/server/verify/github-api";
import { FetchRefused, sharedFetcher } from "@/lib/server/verify/safe-fetch";
import { postsFromEvents, reachedStart, type GitHubEvent } from "@/lib/verify/github-events";
import { FIND_MAX_PAGES, type OfferReader } from "./types";

/**
 * GitHub: the actor's own public events (GET /users/{login}/events/public, newest first, pages of
 * 100), back to `start`, an empty or short page, or FIND_MAX_PAGES pages — GitHub keeps only the
 * past 30 days and 300 events anyway. Rapport stores the account's numeric id, and logins change,
 * so the current login is read first (GET /user/{id}); an account GitHub no longer has offers
 * nothing. A page too large even for the events' limit ends the reading with what came before it.
 */
export const readGitHub: OfferReader = async (account, start, deps) => {
  const api = deps.github ?? gitHubApi(sharedFetcher(), deps.config);
  const user = await api.userById(account.externalId);
  if (!user) return [];
  const events: GitHubEvent[] = [];
  for (let page = 1; page <= FIND_MAX_PAGES; page++) {
    let out: GitHubEvent[] | null;
    try {
      out = await api.listUserPublicEvents(user.login, page);
    } catch (e) {
      if (e instanceof FetchRefused) break;
      throw e;
    }
    if (!out) break;
    events.push(...out);
    if (reachedStart(out, start)) break;
  }
  return postsFromEvents(events, { id: account.externalId, login: user.login });
};
