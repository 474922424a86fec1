/**
 * "Found for you", pure and the same for every network: what a network's reader hands the finder
 * (the actor's own public posts that reply to, mention or comment on someone else's account), and
 * the window rule that decides which of them become offers. No I/O, no clock.
 */
import { DAY } from "@/lib/warmup/time";
import { occurredOnProblem } from "@/lib/validation/logged-interaction";

/** The logged-interaction kind an offer becomes when added. */
export type FoundKind = "reply" | "mention" | "comment";

/**
 * The other account a post concerns, as the network names it: by the id Rapport stores for a
 * verified account (`linked_account.external_id`: a Bluesky DID, a Mastodon profile URL, a GitHub
 * numeric id), or by its handle where the post only names it (a GitHub @login in a comment).
 */
export type FoundTarget = { id: string } | { handle: string };

export type FoundPost = {
  target: FoundTarget;
  /** the post's stable identity on its network: unique per actor and target among offers */
  postUri: string;
  /** the public page logged as evidence when the offer is added */
  postUrl: string;
  kind: FoundKind;
  occurredAt: Date;
};

/** The earliest moment any member's window can reach (the longest window a protocol may have). */
export function feedStart(now: Date, longestWindowDays: number): Date {
  return new Date(now.getTime() - longestWindowDays * DAY);
}

/** Inside the other member's window, and loggable (a UTC day not in the future, not over a year old). */
export function inWindow(at: Date, windowDays: number, now: Date): boolean {
  if (at.getTime() < now.getTime() - windowDays * DAY) return false;
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return occurredOnProblem(day, now) === null;
}

/** The target's key for matching: ids as given, handles lower-cased (GitHub logins are case-insensitive). */
export function targetKey(t: FoundTarget): string {
  return "id" in t ? `id:${t.id}` : `handle:${t.handle.toLowerCase()}`;
}
