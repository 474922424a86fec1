/**
 * "Found for you", pure: turning pages of a member's own Mastodon statuses into offers — their
 * public replies to and mentions of other members' verified accounts. Shapes follow Mastodon's
 * REST API: GET /api/v1/accounts/:id/statuses → Array of Status (docs.joinmastodon.org/methods/
 * accounts/#statuses, /entities/Status), newest first. No I/O, no clock.
 */
import { z } from "zod";
import type { FoundPost } from "./found";
import { mastodonExternalId, parseMastodonStatusUrl, ZStatus } from "./mastodon";

/** The most statuses Mastodon sends per page (`limit`: "Defaults to 20 statuses. Max 40 statuses."). */
export const ACCOUNT_STATUSES_LIMIT = 40;

// The page is only held to what paging needs; each status is judged on its own (ZFoundStatus),
// so one malformed status is skipped instead of costing the member the whole page.
const ZPageStatus = z.looseObject({ id: z.string(), created_at: z.string() });
export const ZAccountStatuses = z.array(ZPageStatus);
export type AccountStatusesPage = z.infer<typeof ZAccountStatuses>;

const ZFoundStatus = ZStatus.extend({
  visibility: z.string(),
  // a boost: the boosted Status (someone else's words); null for the account's own statuses
  reblog: z.unknown().optional(),
});
type FoundStatus = z.infer<typeof ZFoundStatus>;

/** Only these are public evidence: anyone can read them without signing in (private and direct never are). */
const PUBLIC_VISIBILITY = new Set(["public", "unlisted"]);

/**
 * The statuses (read from the actor's own instance, newest first) that concern someone else: each
 * public or unlisted status written by the actor (not a boost) that replies to or mentions another
 * account — one FoundPost per account, its target id what Rapport stores for a verified Mastodon
 * account (`mastodonExternalId` of the mention's profile URL).
 *
 * A reply is a mention whose id is the status's `in_reply_to_account_id` — that mention is the
 * parent's author, named in the status as Mastodon does when one replies. Mastodon carries the
 * original author's id over a thread the actor continues under their own status, so a status that
 * answers one of the actor's own statuses read here is not a reply to anyone else: whom it names
 * are mentions. A reply that does not name its parent's author is not found (that author is known
 * here only by an id local to the instance). Self-mentions are ignored; private and direct
 * statuses are never offered (they are not public evidence, and the evidence check cannot read
 * them). Whether an account is a member's, and the window, are the finder's to judge.
 */
export function postsFromStatuses(statuses: AccountStatusesPage, actorAccount: string): FoundPost[] {
  const own = statuses.map((s) => ZFoundStatus.safeParse(s)).flatMap((r) => (r.success && isOwn(r.data, actorAccount) ? [r.data] : []));
  const ownIds = new Set(own.map((s) => s.id));
  const out: FoundPost[] = [];
  const seen = new Set<string>();
  for (const status of own) {
    if (status.reblog != null || !PUBLIC_VISIBILITY.has(status.visibility)) continue;
    const occurredAt = new Date(status.created_at);
    if (Number.isNaN(occurredAt.getTime())) continue;
    const postUrl = statusUrl(status, actorAccount);
    if (!postUrl) continue;
    // Answering one of the actor's own statuses: Mastodon carried the thread's first author over.
    const threadOfMine = status.in_reply_to_id !== null && ownIds.has(status.in_reply_to_id);
    const parent = status.in_reply_to_id === null || threadOfMine ? undefined : status.mentions.find((m) => m.id === status.in_reply_to_account_id);
    // the parent's author first (a reply), then the others in the order they are named
    for (const m of parent ? [parent, ...status.mentions.filter((x) => x !== parent)] : status.mentions) {
      const target = mastodonExternalId(m.url);
      const key = `${target} ${status.uri}`;
      if (target === actorAccount || seen.has(key)) continue;
      seen.add(key);
      out.push({ target: { id: target }, postUri: status.uri, postUrl, kind: m === parent ? "reply" : "mention", occurredAt });
    }
  }
  return out;
}

/**
 * Whether the reader has read far enough back: the page is not full (Mastodon then sends no `next`
 * link: its own rule is "more only when the page holds `limit` statuses"), or its oldest status
 * (the page runs newest first) was created before `start`.
 */
export function reachedStart(page: AccountStatusesPage, start: Date): boolean {
  if (page.length < ACCOUNT_STATUSES_LIMIT) return true;
  const last = Date.parse(page[page.length - 1].created_at);
  return !Number.isNaN(last) && last < start.getTime();
}

/** The `max_id` of the next (older) page: the last status's id, as Mastodon's own `next` link carries it. */
export function nextMaxId(page: AccountStatusesPage): string | null {
  return page.length > 0 ? page[page.length - 1].id : null;
}

function isOwn(status: FoundStatus, actorAccount: string): boolean {
  return mastodonExternalId(status.account.url) === actorAccount;
}

/**
 * The status's page on the actor's instance, as the evidence check reads it: its `url` when that
 * is https://<the actor's host>/@user/<this id> (or /users/user/statuses/<this id>); otherwise
 * (null, another host, another shape) the actor's profile URL and the id, which Mastodon serves
 * for every local status. Null when even that is not a status link.
 */
function statusUrl(status: FoundStatus, actorAccount: string): string | null {
  const home = parseMastodonStatusUrl(`${actorAccount}/${status.id}`);
  if (!home) return null;
  const given = status.url ? parseMastodonStatusUrl(status.url) : null;
  if (given && given.host === home.host && given.id === status.id) return status.url!;
  return `${actorAccount}/${status.id}`;
}
