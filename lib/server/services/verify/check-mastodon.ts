import "server-only";
import type { MastodonApi } from "@/lib/server/verify/mastodon-api";
import type { Verdict } from "@/lib/verify/verdict";
import { judgeMastodonStatus, mastodonAccountProblem, parseMastodonStatusUrl, type MastodonFacts, type MastodonStatus } from "@/lib/verify/mastodon";

/**
 * Mastodon's evidence checker (verify-evidence.ts dispatches here): the status is read from the
 * instance in its URL (GET /api/v1/statuses/:id), and, when it is a reply, its parent too (the
 * parent's author is the one replied to; in_reply_to_account_id is an id local to that instance).
 * Nothing is fetched unless both members have a verified Mastodon account, and only from the
 * instance that hosts the actor's verified account: any instance answers for its own accounts
 * only, so another server cannot present a status "by" the actor.
 */
export async function checkMastodon(api: MastodonApi, url: string, facts: MastodonFacts): Promise<Verdict> {
  const ref = parseMastodonStatusUrl(url);
  if (!ref) return { outcome: "mismatch", reason: "This is not a link to a Mastodon post (https://instance/@user/123)." };
  const missing = mastodonAccountProblem(facts);
  if (missing) return missing;
  const home = hostOf(facts.actorAccount!);
  if (ref.host !== home) {
    return { outcome: "mismatch", reason: `The link is on ${ref.host}, but your verified Mastodon account lives on ${home} — link the post as it appears on ${home}.` };
  }
  const status = await api.getStatus(ref.host, ref.id);
  let parent: MastodonStatus | null = null;
  if (status?.in_reply_to_id) parent = await api.getStatus(ref.host, status.in_reply_to_id);
  return judgeMastodonStatus(status, parent, facts);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
