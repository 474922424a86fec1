/**
 * Mastodon accounts and evidence, pure: parsing what members type, and judging the Account and
 * Status entities of Mastodon's REST API (docs.joinmastodon.org/entities/Account,
 * /entities/Status) against a link or a logged interaction. No I/O, no clock.
 */
import { z } from "zod";
import { parseUrl } from "./url";
import { accountProblem, type Verdict } from "./verdict";

export type MastodonAcct = { user: string; host: string };

const USER = /^[a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?$/i;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/;

/** "@grace@mastodon.social" (or without the first @) → its parts, lower-cased host; null when it is not one. */
export function parseMastodonAcct(raw: string): MastodonAcct | null {
  const m = /^@?([^@\s]+)@([^@\s/]+)$/.exec(raw.trim());
  if (!m) return null;
  const user = m[1];
  const host = m[2].toLowerCase();
  if (!USER.test(user) || user.length > 30 || !HOST.test(host)) return null;
  return { user, host };
}

export const formatAcct = (a: MastodonAcct) => `@${a.user}@${a.host}`;
/** The profile page the rel="me" link points at. */
export const mastodonProfileUrl = (a: MastodonAcct) => `https://${a.host}/@${a.user}`;

export type MastodonStatusRef = { host: string; user: string; id: string };

/** https://host/@user/123 or https://host/users/user/statuses/123 → its parts; null for anything else. */
export function parseMastodonStatusUrl(raw: string): MastodonStatusRef | null {
  const u = parseUrl(raw);
  if (!u || u.protocol !== "https:" || u.port || u.username || u.password) return null;
  const host = u.hostname.toLowerCase();
  if (!HOST.test(host)) return null;
  const m = /^\/@([^/@]+)\/(\d{1,20})\/?$/.exec(u.pathname) ?? /^\/users\/([^/]+)\/statuses\/(\d{1,20})\/?$/.exec(u.pathname);
  if (!m || !USER.test(m[1])) return null;
  return { host, user: m[1], id: m[2] };
}

const ZField = z.looseObject({ name: z.string(), value: z.string(), verified_at: z.string().nullable().optional() });
export const ZAccount = z.looseObject({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  url: z.string(),
  uri: z.string().optional(),
  fields: z.array(ZField),
});
export type MastodonAccount = z.infer<typeof ZAccount>;

const ZMention = z.looseObject({ id: z.string(), username: z.string(), url: z.string(), acct: z.string() });
export const ZStatus = z.looseObject({
  id: z.string(),
  uri: z.string(),
  url: z.string().nullable().optional(),
  created_at: z.string(),
  account: ZAccount.pick({ id: true, username: true, acct: true, url: true }).loose(),
  in_reply_to_id: z.string().nullable(),
  in_reply_to_account_id: z.string().nullable(),
  mentions: z.array(ZMention),
});
export type MastodonStatus = z.infer<typeof ZStatus>;

/**
 * The account's stable id in Rapport: its profile `url` (https://host/@user), normalised.
 * Present in every Mastodon version (the Account `uri` only since 4.2), the same whichever
 * instance serves the entity, and the address statuses and mentions carry for their author.
 */
export function mastodonExternalId(url: string): string {
  try {
    const u = new URL(url);
    return `https://${u.hostname.toLowerCase()}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return url;
  }
}

/** hrefs of the links in a profile field's HTML value */
function hrefs(html: string): string[] {
  const out: string[] = [];
  const re = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push((m[1] ?? m[2]).replace(/&amp;/g, "&"));
  return out;
}

const sameUrl = (a: string, b: string) => {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.host.toLowerCase() === y.host.toLowerCase() && x.pathname.replace(/\/+$/, "") === y.pathname.replace(/\/+$/, "");
  } catch {
    return false;
  }
};

/** Does one of the account's profile fields link to this Rapport profile? (the back-link that proves ownership) */
export function linksBackTo(account: MastodonAccount, profileUrl: string): boolean {
  return account.fields.some((f) => hrefs(f.value).some((h) => sameUrl(h, profileUrl)));
}

export type MastodonFacts = {
  /** the actor's verified account (external id), or null */
  actorAccount: string | null;
  targetAccount: string | null;
  targetName: string;
  /** the logged day, YYYY-MM-DD */
  occurredOn: string;
};

export function mastodonAccountProblem(f: MastodonFacts): Verdict | null {
  return accountProblem("Mastodon", { actor: f.actorAccount, target: f.targetAccount, targetName: f.targetName });
}

/**
 * Does this status prove the logged interaction? Written by the actor's verified account, a
 * reply to (the parent's author, when given) or a mention of the target's verified account,
 * dated on the logged UTC day. `status` null: the instance answered 404 (deleted or never there).
 */
export function judgeMastodonStatus(status: MastodonStatus | null, parent: MastodonStatus | null, f: MastodonFacts): Verdict {
  const first = f.targetName.split(" ")[0];
  const missing = mastodonAccountProblem(f);
  if (missing) return missing;
  if (!status) return { outcome: "mismatch", reason: "The post is gone — deleted, or never there." };
  if (mastodonExternalId(status.account.url) !== f.actorAccount) {
    return { outcome: "mismatch", reason: `The post was written by @${status.account.acct}, not by your verified Mastodon account.` };
  }
  const repliesTo = parent !== null && mastodonExternalId(parent.account.url) === f.targetAccount;
  const mentions = status.mentions.some((m) => mastodonExternalId(m.url) === f.targetAccount);
  if (!repliesTo && !mentions) return { outcome: "mismatch", reason: `The post neither replies to nor mentions ${first}'s verified Mastodon account.` };
  const at = Date.parse(status.created_at);
  if (Number.isNaN(at)) return { outcome: "mismatch", reason: "The post has no readable date." };
  const day = new Date(at).toISOString().slice(0, 10);
  if (day !== f.occurredOn) return { outcome: "mismatch", reason: `The post is dated ${day} (UTC), not ${f.occurredOn} as logged.` };
  return { outcome: "matched" };
}
