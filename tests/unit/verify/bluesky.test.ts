import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { judgeBlueskyPost, normaliseBlueskyHandle, parseBlueskyPostUrl, ZGetPostThread, type BlueskyFacts } from "@/lib/verify/bluesky";
import { checkableNetwork } from "@/lib/verify/networks";
import { loggedVerification } from "@/lib/verify/logged-verification";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/bluesky", name), "utf8"));
const reply = ZGetPostThread.parse(fixture("getPostThread-reply.json"));
const facts: BlueskyFacts = { actorDid: "did:plc:ana2ana2ana2ana2ana2ana2", targetDid: "did:plc:grace3grace3grace3grace3", targetName: "Grace Kim", occurredOn: "2026-11-20" };

describe("Bluesky post links", () => {
  it.each([
    ["https://bsky.app/profile/ana.bsky.social/post/3lbreply2ana2", { actor: "ana.bsky.social", rkey: "3lbreply2ana2" }],
    ["https://bsky.app/profile/did:plc:ana2ana2ana2ana2ana2ana2/post/3lb", { actor: "did:plc:ana2ana2ana2ana2ana2ana2", rkey: "3lb" }],
    ["https://bsky.app/profile/Ana.Example.COM/post/abc/", { actor: "ana.example.com", rkey: "abc" }],
    ["http://bsky.app/profile/ana.bsky.social/post/3lb", null],
    ["https://bsky.app.evil.example/profile/ana.bsky.social/post/3lb", null],
    ["https://bsky.app/profile/127.0.0.1/post/3lb", null],
    ["https://bsky.app/profile/ana.bsky.social/post/3lb/../../x", null],
    ["https://bsky.app/profile/ana.bsky.social", null],
    ["not a url", null],
  ])("%s", (url, ref) => expect(parseBlueskyPostUrl(url)).toEqual(ref));

  it("normalises handles and refuses what is not one", () => {
    expect(normaliseBlueskyHandle(" @Grace.bsky.social ")).toBe("grace.bsky.social");
    expect(normaliseBlueskyHandle("grace")).toBeNull();
    expect(normaliseBlueskyHandle("did:plc:grace3grace3grace3grace3")).toBeNull();
  });

  it("only bsky.app links are checked by Rapport", () => {
    expect(checkableNetwork("https://bsky.app/profile/a.b/post/c")).toBe("bluesky");
    expect(checkableNetwork("https://x.com/a/status/1")).toBeNull();
    expect(checkableNetwork(null)).toBeNull();
  });
});

describe("judging a post (the fixture is shaped as app.bsky.feed.getPostThread documents)", () => {
  it("a reply by the actor to the target on the logged day matches (a day either side too)", () => {
    expect(judgeBlueskyPost(reply, facts)).toEqual({ outcome: "matched" });
    expect(judgeBlueskyPost(reply, { ...facts, occurredOn: "2026-11-21" })).toEqual({ outcome: "matched" });
  });

  it("a mention alone is enough", () => {
    const mention = structuredClone(reply);
    delete mention.thread.post!.record.reply;
    delete mention.thread.parent;
    expect(judgeBlueskyPost(mention, facts)).toEqual({ outcome: "matched" });
  });

  it.each([
    ["wrong author", { ...facts, actorDid: "did:plc:mal4mal4mal4mal4mal4mal4" }, /written by @ana\.bsky\.social/],
    ["wrong target", { ...facts, targetDid: "did:plc:mal4mal4mal4mal4mal4mal4" }, /neither replies to nor mentions Grace/],
    ["date mismatch", { ...facts, occurredOn: "2026-11-18" }, /dated 2026-11-20, not 2026-11-18/],
    ["unverified actor", { ...facts, actorDid: null }, /not verified yet/],
    ["unverified target", { ...facts, targetDid: null }, /Grace has no verified Bluesky account/],
  ])("%s does not match", (_n, f, reason) => {
    const v = judgeBlueskyPost(reply, f);
    expect(v.outcome).toBe("mismatch");
    expect(v.outcome === "mismatch" && v.reason).toMatch(reason);
  });

  it("a notFoundPost is a deleted post", () => {
    const v = judgeBlueskyPost(ZGetPostThread.parse(fixture("getPostThread-notFoundPost.json")), facts);
    expect(v).toEqual({ outcome: "mismatch", reason: "The post is gone — deleted, or never there." });
  });
});

describe("verification as members and the API see it", () => {
  const base = { checkState: "none", checkReason: null, verifiedBy: null };
  it.each([
    [{ ...base, status: "verified", checkState: "matched", verifiedBy: "bluesky" }, true, { state: "verified", verifiedBy: "bluesky", checking: false, reason: null }],
    [{ ...base, status: "confirmed" }, false, { state: "verified", verifiedBy: "member", checking: false, reason: null }],
    [{ ...base, status: "pending", checkState: "queued" }, true, { state: "pending", verifiedBy: null, checking: true, reason: null }],
    [{ ...base, status: "pending", checkState: "mismatch", checkReason: "why" }, true, { state: "pending", verifiedBy: null, checking: false, reason: "why" }],
    [{ ...base, status: "pending", checkState: "mismatch", checkReason: "why" }, false, { state: "pending", verifiedBy: null, checking: false, reason: null }],
    [{ ...base, status: "disputed" }, true, { state: "disputed", verifiedBy: null, checking: false, reason: null }],
  ])("%o (actor: %s)", (row, actor, out) => expect(loggedVerification(row, actor)).toEqual(out));
});
