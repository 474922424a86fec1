/**
 * Bluesky evidence, pure: recognising a post URL and judging a post against a logged
 * interaction. Shapes follow the atproto lexicons (app.bsky.feed.getPostThread →
 * { thread: #threadViewPost | #notFoundPost | #blockedPost }; app.bsky.feed.defs#postView;
 * app.bsky.feed.post record with `reply` and `facets`). No I/O, no clock.
 */
import { z } from "zod";
import { httpsOn } from "./url";
import { accountProblem, type Verdict } from "./verdict";

/** Where Bluesky posts are linked from. */
export const BLUESKY_HOSTS = ["bsky.app", "www.bsky.app"] as const;

export type BlueskyPostRef = { actor: string; rkey: string };

const HANDLE = /^(?:did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*)$/i;

/** https://bsky.app/profile/<handle or DID>/post/<rkey> → its parts; null for anything else. */
export function parseBlueskyPostUrl(raw: string): BlueskyPostRef | null {
  const u = httpsOn(raw, BLUESKY_HOSTS);
  if (!u) return null;
  const m = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9._~:-]{1,512})\/?$/.exec(u.pathname);
  if (!m) return null;
  const actor = decodeURIComponent(m[1]).toLowerCase();
  if (!HANDLE.test(actor)) return null;
  return { actor, rkey: m[2] };
}

/** A Bluesky handle as typed: "@grace.bsky.social" → "grace.bsky.social"; null when it is not one. */
export function normaliseBlueskyHandle(raw: string): string | null {
  const h = raw.trim().replace(/^@/, "").toLowerCase();
  return HANDLE.test(h) && !h.startsWith("did:") ? h : null;
}

const ZAuthor = z.looseObject({ did: z.string(), handle: z.string() });
const ZRecord = z.looseObject({
  text: z.string().optional(),
  createdAt: z.string(),
  reply: z.looseObject({ parent: z.looseObject({ uri: z.string() }), root: z.looseObject({ uri: z.string() }) }).optional(),
  facets: z
    .array(z.looseObject({ features: z.array(z.looseObject({ $type: z.string().optional(), did: z.string().optional() })) }))
    .optional(),
});
const ZPostView = z.looseObject({ uri: z.string(), author: ZAuthor, record: ZRecord, indexedAt: z.string() });
const ZThread = z.looseObject({
  $type: z.string(),
  post: ZPostView.optional(),
  parent: z.looseObject({ $type: z.string(), post: ZPostView.optional() }).optional(),
});
export const ZGetPostThread = z.looseObject({ thread: ZThread });
export type GetPostThreadOutput = z.infer<typeof ZGetPostThread>;

export type { Verdict };

export type BlueskyFacts = {
  /** the actor's verified DID, or null when they have none */
  actorDid: string | null;
  targetDid: string | null;
  targetName: string;
  /** the logged day, YYYY-MM-DD */
  occurredOn: string;
};

/** Without a verified account on each side no post can prove anything (and nothing is fetched). */
export function blueskyAccountProblem(f: BlueskyFacts): Verdict | null {
  return accountProblem("Bluesky", { actor: f.actorDid, target: f.targetDid, targetName: f.targetName });
}

/** the DID in an at:// URI's authority (at://did:plc:…/app.bsky.feed.post/…), or null */
export function didOfAtUri(uri: string): string | null {
  const m = /^at:\/\/(did:[^/]+)\//.exec(uri);
  return m ? m[1] : null;
}

/**
 * Does this post prove the logged interaction? Written by the actor's verified account, a reply
 * to or a mention of the target's verified account, dated on the logged day (one day either
 * side, since the member logs it in their own time zone).
 */
export function judgeBlueskyPost(out: GetPostThreadOutput, f: BlueskyFacts): Verdict {
  const first = f.targetName.split(" ")[0];
  const missing = blueskyAccountProblem(f);
  if (missing) return missing;
  const t = out.thread;
  if (t.$type === "app.bsky.feed.defs#notFoundPost") return { outcome: "mismatch", reason: "The post is gone — deleted, or never there." };
  if (t.$type === "app.bsky.feed.defs#blockedPost") return { outcome: "mismatch", reason: "The post cannot be read publicly (its author blocks the viewer or it is hidden)." };
  if (!t.post) return { outcome: "mismatch", reason: "Bluesky did not return the post." };
  const post = t.post;
  if (post.author.did !== f.actorDid) return { outcome: "mismatch", reason: `The post was written by @${post.author.handle}, not by your verified Bluesky account.` };
  const repliesTo =
    (post.record.reply && didOfAtUri(post.record.reply.parent.uri) === f.targetDid) || (t.parent?.post && t.parent.post.author.did === f.targetDid);
  const mentions = (post.record.facets ?? []).some((facet) =>
    facet.features.some((feat) => feat.$type === "app.bsky.richtext.facet#mention" && feat.did === f.targetDid),
  );
  if (!repliesTo && !mentions) return { outcome: "mismatch", reason: `The post neither replies to nor mentions ${first}'s verified Bluesky account.` };
  const day = post.record.createdAt.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { outcome: "mismatch", reason: "The post has no readable date." };
  const apart = Math.abs(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${f.occurredOn}T00:00:00Z`)) / 86_400_000;
  if (!(apart <= 1)) return { outcome: "mismatch", reason: `The post is dated ${day}, not ${f.occurredOn} as logged.` };
  return { outcome: "matched" };
}
