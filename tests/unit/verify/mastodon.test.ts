import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ZAccount,
  ZStatus,
  judgeMastodonStatus,
  linksBackTo,
  mastodonExternalId,
  parseMastodonAcct,
  parseMastodonStatusUrl,
  type MastodonFacts,
} from "@/lib/verify/mastodon";
import { checkableNetwork } from "@/lib/verify/networks";

const fixture = (n: string) => JSON.parse(readFileSync(`tests/fixtures/mastodon/${n}`, "utf8"));
const account = ZAccount.parse(fixture("account-lookup.json"));
const reply = ZStatus.parse(fixture("status-reply.json"));
const parent = ZStatus.parse(fixture("status-parent.json"));
const facts: MastodonFacts = { actorAccount: "https://social.example/@ana", targetAccount: "https://social.example/@grace", targetName: "Grace Kim", occurredOn: "2026-11-20" };

describe("Mastodon addresses and status URLs", () => {
  it.each([
    ["@ana@social.example", { user: "ana", host: "social.example" }],
    ["ana@Social.Example", { user: "ana", host: "social.example" }],
    ["  @Ana_R@mastodon.social ", { user: "Ana_R", host: "mastodon.social" }],
    ["ana", null],
    ["@ana@localhost", null],
    ["@ana@social.example/x", null],
    ["@a b@social.example", null],
    ["@ana@127.0.0.1", null],
  ])("%s", (raw, want) => expect(parseMastodonAcct(raw)).toEqual(want));

  it.each([
    ["https://social.example/@ana/113500000000000002", { host: "social.example", user: "ana", id: "113500000000000002" }],
    ["https://Social.example/users/ana/statuses/42", { host: "social.example", user: "ana", id: "42" }],
    ["http://social.example/@ana/42", null],
    ["https://social.example:8443/@ana/42", null],
    ["https://social.example/@ana", null],
    ["https://social.example/@ana/42/reblogs", null],
    ["https://127.0.0.1/@ana/42", null],
  ])("%s", (raw, want) => expect(parseMastodonStatusUrl(raw)).toEqual(want));

  it("a status URL on any instance is checkable on Mastodon; Bluesky and X stay as they were", () => {
    expect(checkableNetwork("https://hachyderm.io/@grace/1")).toBe("mastodon");
    expect(checkableNetwork("https://bsky.app/profile/a.bsky.social/post/3x")).toBe("bluesky");
    expect(checkableNetwork("https://x.com/ana/status/1")).toBeNull();
  });

  it("the external id is the profile URL, normalised", () => {
    expect(mastodonExternalId("https://Social.Example/@ana/")).toBe("https://social.example/@ana");
  });
});

describe("the back-link in the account's profile fields", () => {
  it("finds a field linking to the Rapport profile (HTML value), ignoring other links and text mentions", () => {
    expect(linksBackTo(account, "https://rapport.test/u/ana_m")).toBe(true);
    expect(linksBackTo(account, "https://rapport.test/u/ana_m/")).toBe(true);
    expect(linksBackTo(account, "https://rapport.test/u/grace_m")).toBe(false);
    expect(linksBackTo(account, "http://rapport.test/u/ana_m")).toBe(false);
    const plain = { ...account, fields: [{ name: "Rapport", value: "rapport.test/u/ana_m", verified_at: null }] };
    expect(linksBackTo(plain, "https://rapport.test/u/ana_m")).toBe(false);
  });
});

describe("judging a status", () => {
  it("a reply to the target's account, by the actor, on the logged UTC day matches", () => {
    expect(judgeMastodonStatus(reply, parent, facts)).toEqual({ outcome: "matched" });
  });
  it("a mention alone is enough", () => {
    expect(judgeMastodonStatus({ ...reply, in_reply_to_id: null }, null, facts)).toEqual({ outcome: "matched" });
  });
  it.each<[string, Parameters<typeof judgeMastodonStatus>, RegExp]>([
    ["deleted", [null, null, facts], /post is gone/],
    ["wrong author", [{ ...reply, account: { ...reply.account, acct: "mal@evil.example", url: "https://evil.example/@mal" } }, parent, facts], /written by @mal@evil\.example/],
    ["wrong target", [{ ...reply, mentions: [] }, { ...parent, account: { ...parent.account, url: "https://social.example/@bob" } }, facts], /neither replies to nor mentions Grace's/],
    ["date (UTC day)", [{ ...reply, created_at: "2026-11-20T23:30:00.000-02:00" }, parent, facts], /dated 2026-11-21 \(UTC\), not 2026-11-20/],
    ["actor unverified", [reply, parent, { ...facts, actorAccount: null }], /Your Mastodon account is not verified yet/],
    ["target unverified", [reply, parent, { ...facts, targetAccount: null }], /Grace has no verified Mastodon account/],
  ])("%s → mismatch with the reason", (_n, args, reason) => {
    const v = judgeMastodonStatus(...args);
    expect(v.outcome).toBe("mismatch");
    expect(v.outcome === "mismatch" && v.reason).toMatch(reason);
  });
});
