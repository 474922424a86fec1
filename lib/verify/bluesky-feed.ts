/**
 * "Found for you", pure: turning pages of a member's own Bluesky author feed into offers —
 * their public replies to and mentions of other members' verified accounts. Shapes follow the
 * atproto lexicons: app.bsky.feed.getAuthorFeed → { cursor?, feed: #feedViewPost[] };
 * #feedViewPost { post: #postView, reply?: #replyRef, reason?: #reasonRepost | #reasonPin };
 * the app.bsky.feed.post record with `reply` { parent, root } (strong refs) and `facets`
 * (app.bsky.richtext.facet#mention { did }). No I/O, no clock.
 */
import { z } from "zod";
import { didOfAtUri } from "./bluesky";
import type { FoundPost } from "./found";

const ZFeedPost = z.looseObject({
  uri: z.string(),
  author: z.looseObject({ did: z.string(), handle: z.string() }),
  // `record` is `unknown` in the lexicon: each post is judged on its own, a malformed one skipped
  record: z.unknown(),
  indexedAt: z.string(),
});
const ZFeedViewPost = z.looseObject({ post: ZFeedPost, reason: z.looseObject({ $type: z.string().optional() }).optional() });
export const ZGetAuthorFeed = z.looseObject({ cursor: z.string().optional(), feed: z.array(ZFeedViewPost) });
export type GetAuthorFeedOutput = z.infer<typeof ZGetAuthorFeed>;

const ZPostRecord = z.looseObject({
  createdAt: z.string(),
  reply: z.looseObject({ parent: z.looseObject({ uri: z.string() }) }).optional(),
  facets: z
    .array(z.looseObject({ features: z.array(z.looseObject({ $type: z.string().optional(), did: z.string().optional() })) }))
    .optional(),
});

/**
 * The posts in the actor's author feed that concern someone else: each post written by the actor
 * (reposts are someone else's) that replies to (the parent post's author) or mentions another
 * DID — one FoundPost per DID it concerns. A post that replies to Grace and mentions Lee is one
 * for each; a reply that also mentions its parent's author is one reply. Self-replies are
 * ignored; whether a DID is a member's, and the window, are the finder's to judge.
 */
export function postsFromFeed(feed: GetAuthorFeedOutput["feed"], actorDid: string): FoundPost[] {
  const out: FoundPost[] = [];
  const seen = new Set<string>();
  for (const item of feed) {
    const r = ownPost(item, actorDid);
    if (!r) continue;
    const rkey = rkeyOf(item.post.uri);
    if (!rkey) continue;
    const occurredAt = new Date(r.record.createdAt);
    if (Number.isNaN(occurredAt.getTime())) continue;
    const author = item.post.author.handle && item.post.author.handle !== "handle.invalid" ? item.post.author.handle : actorDid;
    const postUrl = `https://bsky.app/profile/${author}/post/${rkey}`;
    const parentDid = r.record.reply ? didOfAtUri(r.record.reply.parent.uri) : null;
    for (const targetDid of touched(r)) {
      if (targetDid === actorDid) continue;
      const key = `${targetDid} ${item.post.uri}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ target: { id: targetDid }, postUri: item.post.uri, postUrl, kind: targetDid === parentDid ? "reply" : "mention", occurredAt });
    }
  }
  return out;
}

/**
 * Whether the finder has read far enough back: the page's oldest post (the feed runs newest
 * first) was indexed before `start`, or there is no next page.
 */
export function reachedStart(page: GetAuthorFeedOutput, start: Date): boolean {
  if (!page.cursor || page.feed.length === 0) return true;
  const last = Date.parse(page.feed[page.feed.length - 1].post.indexedAt);
  return !Number.isNaN(last) && last < start.getTime();
}

type OwnPost = { record: z.infer<typeof ZPostRecord> };

function ownPost(item: GetAuthorFeedOutput["feed"][number], actorDid: string): OwnPost | null {
  if (item.reason) return null; // a repost (or a pin): not a reply the actor wrote here
  if (item.post.author.did !== actorDid) return null;
  const record = ZPostRecord.safeParse(item.post.record);
  return record.success ? { record: record.data } : null;
}

/** The parent's author first (a reply), then mentioned DIDs in order. */
function touched(r: OwnPost): string[] {
  const dids: string[] = [];
  const parent = r.record.reply ? didOfAtUri(r.record.reply.parent.uri) : null;
  if (parent) dids.push(parent);
  for (const facet of r.record.facets ?? []) {
    for (const feat of facet.features) {
      if (feat.$type === "app.bsky.richtext.facet#mention" && feat.did && !dids.includes(feat.did)) dids.push(feat.did);
    }
  }
  return dids;
}

function rkeyOf(uri: string): string | null {
  const m = /^at:\/\/did:[^/]+\/app\.bsky\.feed\.post\/([A-Za-z0-9._~:-]{1,512})$/.exec(uri);
  return m ? m[1] : null;
}
