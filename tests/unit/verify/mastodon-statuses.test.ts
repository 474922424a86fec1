import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCOUNT_STATUSES_LIMIT, nextMaxId, postsFromStatuses, reachedStart, ZAccountStatuses, type AccountStatusesPage } from "@/lib/verify/mastodon-statuses";
import { inWindow } from "@/lib/verify/found";
import { judgeMastodonStatus, parseMastodonStatusUrl, ZStatus } from "@/lib/verify/mastodon";

const fixture = (n: string) => JSON.parse(readFileSync(`tests/fixtures/mastodon/${n}`, "utf8"));
const page = ZAccountStatuses.parse(fixture("account-statuses.json"));
const ANA = "https://social.example/@ana";
const GRACE = "https://social.example/@grace";
const LEE = "https://other.example/@lee";
const now = new Date("2026-11-21T10:00:00Z");

type Status = Record<string, unknown> & { id: string; created_at: string };
const template = page.find((s) => s.id === "113510000000000005")! as Status;
const mention = (url: string, id = url) => ({ id, username: url.split("@").pop(), url, acct: url.split("@").pop() });

/** One of Ana's statuses (a copy of the fixture's reply to Grace) with the given fields. */
function status(o: Partial<Record<string, unknown>> & { id: string }): Status {
  return { ...structuredClone(template), uri: `https://social.example/users/ana/statuses/${o.id}`, url: `${ANA}/${o.id}`, ...o } as Status;
}
const found = (statuses: AccountStatusesPage) => postsFromStatuses(statuses, ANA).map((p) => [p.target, p.kind, p.postUrl]);

describe("turning Ana's statuses into offers", () => {
  it("finds the fixture's reply to and mention of Grace — and her reply under her own reply as a mention — and leaves out the boost, the private reply and the direct message", () => {
    const posts = postsFromStatuses(page, ANA);
    expect(posts).toEqual([
      { target: { id: GRACE }, postUri: "https://social.example/users/ana/statuses/113510000000000006", postUrl: `${ANA}/113510000000000006`, kind: "mention", occurredAt: new Date("2026-11-20T15:30:00.000Z") },
      { target: { id: GRACE }, postUri: "https://social.example/users/ana/statuses/113510000000000005", postUrl: `${ANA}/113510000000000005`, kind: "reply", occurredAt: new Date("2026-11-20T15:04:05.000Z") },
      { target: { id: GRACE }, postUri: "https://social.example/users/ana/statuses/113510000000000002", postUrl: `${ANA}/113510000000000002`, kind: "mention", occurredAt: new Date("2026-11-18T12:00:00.000Z") },
    ]);
  });

  it("every offered link is one the evidence check reads on Ana's instance, and the status it names proves the offer", () => {
    const parent = ZStatus.parse(fixture("status-parent.json"));
    for (const p of postsFromStatuses(page, ANA)) {
      const ref = parseMastodonStatusUrl(p.postUrl)!;
      expect(ref).toMatchObject({ host: "social.example", user: "ana" });
      const s = ZStatus.parse(page.find((x) => x.id === ref.id));
      const verdict = judgeMastodonStatus(s, s.in_reply_to_id === parent.id ? parent : null, {
        actorAccount: ANA,
        targetAccount: GRACE,
        targetName: "Grace Kim",
        occurredOn: p.occurredAt.toISOString().slice(0, 10),
      });
      expect(verdict).toEqual({ outcome: "matched" });
    }
  });

  it.each([
    ["a boost, even one naming Grace", { reblog: structuredClone(template), mentions: [mention(GRACE, "109302436954722000")] }],
    ["a private reply", { visibility: "private" }],
    ["a direct message", { visibility: "direct" }],
    ["a status of unknown visibility", { visibility: "local" }],
    ["someone else's status", { account: { ...(template.account as object), url: GRACE, username: "grace", acct: "grace" } }],
    ["a status with an unreadable date", { created_at: "yesterday" }],
    ["a malformed status", { mentions: "grace" }],
    ["a reply to herself naming herself", { in_reply_to_account_id: "109302436954721982", mentions: [mention(ANA, "109302436954721982")] }],
    ["a reply whose parent's author is not named", { mentions: [] }],
  ])("offers nothing for %s", (_label, o) => {
    expect(postsFromStatuses([status({ id: "7", ...o })], ANA)).toEqual([]);
  });

  it("a reply to Grace that mentions Lee (on another instance) is one offer each; naming Grace twice stays one reply", () => {
    const both = status({ id: "8", mentions: [mention(LEE, "55"), mention(GRACE, "109302436954722000"), mention(`${GRACE}/`, "109302436954722000")] });
    expect(found([both, both])).toEqual([
      [{ id: GRACE }, "reply", `${ANA}/8`],
      [{ id: LEE }, "mention", `${ANA}/8`],
    ]);
  });

  it("a reply under one of her own statuses is a mention of whom it names, not a reply to them (Mastodon carried the thread's first author over)", () => {
    const first = status({ id: "10", in_reply_to_id: "5", mentions: [mention(GRACE, "109302436954722000")] });
    const second = status({ id: "11", in_reply_to_id: "10", mentions: [mention(GRACE, "109302436954722000")] });
    expect(found([second, first])).toEqual([
      [{ id: GRACE }, "mention", `${ANA}/11`],
      [{ id: GRACE }, "reply", `${ANA}/10`],
    ]);
  });

  it("links the status's own page when it is on Ana's instance, and otherwise https://<her instance>/@ana/<id>", () => {
    expect(found([status({ id: "12", url: null })])[0][2]).toBe(`${ANA}/12`);
    expect(found([status({ id: "13", url: "https://elsewhere.example/@ana/13" })])[0][2]).toBe(`${ANA}/13`);
    expect(found([status({ id: "14", url: `${ANA}/999` })])[0][2]).toBe(`${ANA}/14`);
    expect(found([status({ id: "15", url: "https://social.example/users/ana/statuses/15" })])[0][2]).toBe("https://social.example/users/ana/statuses/15");
  });

  it("names targets by profile URL, whoever they are, as Rapport stores a verified Mastodon account (the finder looks up which are members)", () => {
    const s = status({ id: "16", in_reply_to_id: null, in_reply_to_account_id: null, mentions: [mention("https://Other.Example/@lee/", "55")] });
    expect(found([s])).toEqual([[{ id: LEE }, "mention", `${ANA}/16`]]);
  });

  it("dates each offer by the status's created_at, which the finder then judges against each member's window", () => {
    const old = postsFromStatuses([status({ id: "17", created_at: "2026-10-21T09:59:59.000Z" })], ANA)[0];
    expect(inWindow(old.occurredAt, 30, now)).toBe(false);
    expect(inWindow(old.occurredAt, 32, now)).toBe(true);
  });
});

describe("how far back the reader reads", () => {
  const full = (oldest: string) => Array.from({ length: ACCOUNT_STATUSES_LIMIT }, (_, i) => status({ id: String(1000 - i), created_at: i === ACCOUNT_STATUSES_LIMIT - 1 ? oldest : "2026-11-20T10:00:00.000Z" }));

  it("goes on after a full page whose oldest status is inside the window, from that status's id", () => {
    const p = full("2026-10-23T00:00:00.000Z");
    expect(reachedStart(p, new Date("2026-10-22T10:00:00Z"))).toBe(false);
    expect(nextMaxId(p)).toBe("961");
  });

  it("stops at a full page reaching before the start, at a page that is not full (Mastodon gives no next page then), and at an empty one", () => {
    const start = new Date("2026-10-22T10:00:00Z");
    expect(reachedStart(full("2026-10-22T09:59:59.000Z"), start)).toBe(true);
    expect(reachedStart(full("2026-10-23T00:00:00.000Z").slice(1), start)).toBe(true);
    expect(reachedStart(page, start)).toBe(true);
    expect(reachedStart([], start)).toBe(true);
    expect(nextMaxId([])).toBeNull();
  });
});
