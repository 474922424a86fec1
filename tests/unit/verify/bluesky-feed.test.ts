import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postsFromFeed, reachedStart, ZGetAuthorFeed, type GetAuthorFeedOutput } from "@/lib/verify/bluesky-feed";
import { feedStart, inWindow } from "@/lib/verify/found";
import { parseBlueskyPostUrl } from "@/lib/verify/bluesky";
import { offerQuestion } from "@/lib/verify/offers";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/bluesky", name), "utf8"));
const page = ZGetAuthorFeed.parse(fixture("getAuthorFeed.json"));
const ANA = "did:plc:ana2ana2ana2ana2ana2ana2";
const GRACE = "did:plc:grace3grace3grace3grace3";
const LEE = "did:plc:lee5lee5lee5lee5lee5lee5l";
const now = new Date("2026-11-21T10:00:00Z");
const members = (entries: [string, number][]) => new Map(entries);

/** What the finder does with a reader's posts: members' DIDs only, each inside its own window. */
function offersFromFeed(feed: GetAuthorFeedOutput["feed"], f: { actorDid: string; windowDaysByDid: Map<string, number>; now: Date }) {
  return postsFromFeed(feed, f.actorDid).flatMap(({ target, ...p }) => {
    const did = "id" in target ? target.id : "";
    const w = f.windowDaysByDid.get(did);
    return w !== undefined && inWindow(p.occurredAt, w, f.now) ? [{ targetDid: did, ...p }] : [];
  });
}

/** One post by `author` with the given record fields (a copy of the fixture's reply). */
function post(o: { rkey: string; author?: string; createdAt: string; parent?: string | null; mentions?: string[]; reason?: boolean }): GetAuthorFeedOutput["feed"][number] {
  const item = structuredClone(page.feed[0]) as GetAuthorFeedOutput["feed"][number] & { post: { record: Record<string, unknown> } };
  const author = o.author ?? ANA;
  item.post.uri = `at://${author}/app.bsky.feed.post/${o.rkey}`;
  item.post.author = { ...item.post.author, did: author };
  item.post.indexedAt = o.createdAt;
  const record = item.post.record;
  record.createdAt = o.createdAt;
  if (o.parent === null) delete record.reply;
  else if (o.parent) record.reply = { parent: { uri: `at://${o.parent}/app.bsky.feed.post/p1`, cid: "x" }, root: { uri: `at://${o.parent}/app.bsky.feed.post/p1`, cid: "x" } };
  record.facets = (o.mentions ?? []).map((did) => ({ index: { byteStart: 0, byteEnd: 1 }, features: [{ $type: "app.bsky.richtext.facet#mention", did }] }));
  if (o.reason) (item as Record<string, unknown>).reason = { $type: "app.bsky.feed.defs#reasonRepost", by: { did: ANA, handle: "ana.bsky.social" }, indexedAt: o.createdAt };
  return item;
}

describe("turning an author feed into offers", () => {
  it("finds the fixture's reply and mention of Grace, and leaves out the repost of Grace's post", () => {
    const offers = offersFromFeed(page.feed, { actorDid: ANA, windowDaysByDid: members([[GRACE, 30]]), now });
    expect(offers).toEqual([
      { targetDid: GRACE, postUri: `at://${ANA}/app.bsky.feed.post/3lbreply2ana2`, postUrl: "https://bsky.app/profile/ana.bsky.social/post/3lbreply2ana2", kind: "reply", occurredAt: new Date("2026-11-20T15:04:05.000Z") },
      { targetDid: GRACE, postUri: `at://${ANA}/app.bsky.feed.post/3lbmention2ana2`, postUrl: "https://bsky.app/profile/ana.bsky.social/post/3lbmention2ana2", kind: "mention", occurredAt: new Date("2026-11-18T12:00:00.000Z") },
    ]);
    // every offered link is one the evidence check reads
    for (const o of offers) expect(parseBlueskyPostUrl(o.postUrl)).toEqual({ actor: "ana.bsky.social", rkey: o.postUri.split("/").pop() });
  });

  it("offers nothing about accounts that are not members with a verified DID", () => {
    expect(offersFromFeed(page.feed, { actorDid: ANA, windowDaysByDid: members([[LEE, 30]]), now })).toEqual([]);
  });

  it.each([
    ["a reply to oneself (a thread)", { rkey: "a", createdAt: "2026-11-20T10:00:00Z", parent: ANA, mentions: [ANA] }],
    ["a repost of one's own reply", { rkey: "b", createdAt: "2026-11-20T10:00:00Z", parent: GRACE, reason: true }],
    ["someone else's post in the feed", { rkey: "c", author: LEE, createdAt: "2026-11-20T10:00:00Z", parent: GRACE }],
    ["a reply older than Grace's window", { rkey: "d", createdAt: "2026-10-21T09:59:59Z", parent: GRACE }],
    ["a reply dated in the future (cannot be logged)", { rkey: "e", createdAt: "2026-11-22T00:00:01Z", parent: GRACE }],
    ["a post with an unreadable date", { rkey: "f", createdAt: "yesterday", parent: GRACE }],
  ])("ignores %s", (_label, o) => {
    expect(offersFromFeed([post(o)], { actorDid: ANA, windowDaysByDid: members([[GRACE, 30], [LEE, 30]]), now })).toEqual([]);
  });

  it("judges each member by their own window", () => {
    const old = post({ rkey: "g", createdAt: "2026-10-01T10:00:00Z", parent: GRACE, mentions: [LEE] });
    const offers = offersFromFeed([old], { actorDid: ANA, windowDaysByDid: members([[GRACE, 30], [LEE, 90]]), now });
    expect(offers.map((o) => [o.targetDid, o.kind])).toEqual([[LEE, "mention"]]);
  });

  it("a reply to Grace that mentions Lee is one offer for each; mentioning the parent's author too stays one reply", () => {
    const both = post({ rkey: "h", createdAt: "2026-11-20T10:00:00Z", parent: GRACE, mentions: [GRACE, LEE, LEE] });
    const offers = offersFromFeed([both, both], { actorDid: ANA, windowDaysByDid: members([[GRACE, 30], [LEE, 30]]), now });
    expect(offers.map((o) => [o.targetDid, o.kind])).toEqual([
      [GRACE, "reply"],
      [LEE, "mention"],
    ]);
  });

  it("links by DID when the author's handle is invalid", () => {
    const p = post({ rkey: "i", createdAt: "2026-11-20T10:00:00Z", parent: GRACE });
    p.post.author.handle = "handle.invalid";
    expect(offersFromFeed([p], { actorDid: ANA, windowDaysByDid: members([[GRACE, 30]]), now })[0].postUrl).toBe(`https://bsky.app/profile/${ANA}/post/i`);
  });

  it("names each post's target by DID, whoever it is (the finder looks up which are members)", () => {
    expect(postsFromFeed(page.feed, ANA).map((p) => p.target)).toEqual([{ id: GRACE }, { id: GRACE }]);
    expect(postsFromFeed([post({ rkey: "j", createdAt: "2026-11-20T10:00:00Z", parent: ANA, mentions: [LEE] })], ANA).map((p) => p.target)).toEqual([{ id: LEE }]);
  });
});

describe("how far back the finder reads", () => {
  it("stops when the page's oldest post is older than the window's start, or there is no next page", () => {
    const start = feedStart(now, 30);
    expect(start.toISOString()).toBe("2026-10-22T10:00:00.000Z");
    expect(reachedStart(page, start)).toBe(false);
    expect(reachedStart(page, new Date("2026-11-19T00:00:00Z"))).toBe(true);
    expect(reachedStart({ feed: page.feed }, start)).toBe(true);
    expect(reachedStart({ cursor: "x", feed: [] }, start)).toBe(true);
  });
});

describe("the question above a group of offers", () => {
  it.each([
    [["reply", "reply", "reply"], "3 public replies between you and Grace on Bluesky — add them?"],
    [["reply", "mention", "reply"], "2 public replies and 1 mention between you and Grace on Bluesky — add them?"],
    [["mention"], "1 public mention between you and Grace on Bluesky — add it?"],
    [["reply"], "1 public reply between you and Grace on Bluesky — add it?"],
  ])("%j → %s", (kinds, text) => {
    expect(offerQuestion(kinds, "Grace Kim", "bluesky")).toBe(text);
  });
});
