import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findInteractionOffers } from "@/lib/server/services/offers/find-offers";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { setFindInteractions } from "@/lib/server/services/offers/find-setting";
import { listOpenOffers } from "@/lib/server/queries/interaction-offers";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { gitHubApi } from "@/lib/server/verify/github-api";
import { ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { createMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { createFakeGitHub, type FakeGitHub } from "@/tests/e2e/support/fake-github.mjs";
import { createFakeBluesky, type FakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";

// A fake GitHub API (tests/e2e/support/fake-github.mjs) answering with the fixtures in
// tests/fixtures/github: each comment it holds is also an event in its author's public timeline.
const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const ANA = { id: 101, login: "Ana-R" };
const GRACE = { id: 202, login: "grace-k" };
const LEE = { id: 303, login: "lee-p" };
const MAL = { id: 404, login: "mal-x" };
const STRANGER = { id: 505, login: "stranger" };

let fake: FakeGitHub;
let bsky: FakeBluesky;
let srv: Awaited<ReturnType<typeof localServer>>;
let bskySrv: Awaited<ReturnType<typeof localServer>>;
let config: VerifyConfig;

beforeAll(async () => {
  srv = await localServer((q, r) => fake.handler(q, r));
  bskySrv = await localServer((q, r) => bsky.handler(q, r));
  config = { enabled: true, blueskyApi: bskySrv.url, githubApi: srv.url, githubToken: null };
});
afterAll(async () => {
  await srv.close();
  await bskySrv.close();
});

// A fresh fetcher per run: no cache or rate-limit gate carried between cases.
const deps = () => {
  const fetcher = createFetcher({ minIntervalMs: 0, maxWaitMs: 0 });
  return { config, github: gitHubApi(fetcher, config), bluesky: blueskyApi(fetcher, config) };
};
const find = (memberId: string) => findInteractionOffers(t.db, { memberId, now, deps: deps() });
const eventReads = () => fake.state.requests.filter((r) => r.path.endsWith("/events/public"));
const searchedAt = async (id: string) => (await t.db.member.findUniqueOrThrow({ where: { id } })).interactionsFoundAt;

async function setup() {
  fake = createFakeGitHub();
  bsky = createFakeBluesky();
  for (const u of [ANA, GRACE, LEE, MAL, STRANGER]) fake.addUser(u);
  const ana = await createMember({ handle: "ana_g", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_g", name: "Grace Kim" });
  const lee = await createMember({ handle: "lee_g", name: "Lee Park", policy: { freshnessDays: 7 } });
  const mal = await createMember({ handle: "mal_g", name: "Mal Low" });
  const link = (memberId: string, u: { id: number; login: string }) =>
    t.db.linkedAccount.create({ data: { memberId, network: "github", handle: u.login, externalId: String(u.id), code: "rapport-x", verifiedAt: now } });
  await link(ana.id, ANA);
  await link(grace.id, GRACE);
  await link(lee.id, LEE);
  await link(mal.id, MAL);
  const optIn = await setFindInteractions(t.db, { memberId: ana.id, on: true });
  // Ana's public GitHub activity: a comment on Grace's issue, a review comment on Grace's pull
  // request, a comment on her own issue mentioning Grace; a comment on Lee's issue 10 days ago
  // (outside Lee's 7-day window), one on Mal's (Mal blocked her), one on a non-member's issue
  // mentioning someone unknown, a note on her own issue, and a push.
  const c1 = fake.addComment({ repo: "octo/site", number: 7, id: "9101", authorId: ANA.id, openerId: GRACE.id, createdAt: "2026-11-20T15:04:05Z" });
  const r1 = fake.addReviewComment({ repo: "octo/site", number: 12, id: "9201", authorId: ANA.id, openerId: GRACE.id, createdAt: "2026-11-19T11:00:00Z" });
  const m1 = fake.addComment({ repo: "Ana-R/notes", number: 3, id: "9301", authorId: ANA.id, openerId: ANA.id, createdAt: "2026-11-18T09:30:00Z", body: "Written up after a chat with @Grace-K — thanks!" });
  fake.addComment({ repo: "lee-p/tools", number: 2, id: "9401", authorId: ANA.id, openerId: LEE.id, createdAt: "2026-11-11T09:00:00Z" });
  fake.addComment({ repo: "mal-x/app", number: 4, id: "9501", authorId: ANA.id, openerId: MAL.id, createdAt: "2026-11-20T09:00:00Z", body: "cc @mal-x" });
  fake.addComment({ repo: "stranger/lib", number: 5, id: "9601", authorId: ANA.id, openerId: STRANGER.id, createdAt: "2026-11-20T08:00:00Z", body: "cc @nobody-here" });
  fake.addComment({ repo: "Ana-R/notes", number: 3, id: "9701", authorId: ANA.id, openerId: ANA.id, createdAt: "2026-11-20T07:00:00Z", body: "Done, @ana-r." });
  fake.addEvent(ANA.id, pushEvent("2026-11-20T18:00:00Z"));
  // Grace's own comment on Ana's issue is in Grace's timeline, not Ana's.
  fake.addComment({ repo: "Ana-R/notes", number: 3, id: "9801", authorId: GRACE.id, openerId: ANA.id, createdAt: "2026-11-20T12:00:00Z" });
  await createBlock(mal.id, ana.id);
  return { ana, grace, lee, mal, optIn, urls: { c1: c1.url, r1: r1.url, m1: m1.url } };
}

function pushEvent(createdAt: string) {
  return { type: "PushEvent", repo: { id: 5002, name: "Ana-R/notes", url: "https://api.github.com/repos/Ana-R/notes" }, payload: { repository_id: 5002, push_id: 1, ref: "refs/heads/main", head: "a".repeat(40), before: "b".repeat(40) }, public: true, created_at: createdAt };
}

describe("Found for you on GitHub: comments and mentions offered for logging", () => {
  beforeEach(() => t.reset());

  it("offers Ana her comments on Grace's issue and pull request and her mention of Grace — nothing about non-members, blocked members, old comments or herself — and a re-run offers nothing new", async () => {
    const { ana, grace, optIn, urls } = await setup();
    expect(optIn).toEqual({ findInteractions: true, readable: ["github"] });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    const groups = await listOpenOffers(t.db, { actorId: ana.id, now });
    expect(groups).toHaveLength(1);
    expect(groups[0].member).toMatchObject({ id: grace.id, handle: "grace_g" });
    expect(groups[0].offers.map((o) => [o.network, o.kind, o.postUrl, o.occurredAt.toISOString()])).toEqual([
      ["github", "comment", urls.c1, "2026-11-20T15:04:05.000Z"],
      ["github", "comment", urls.r1, "2026-11-19T11:00:00.000Z"],
      ["github", "mention", urls.m1, "2026-11-18T09:30:00.000Z"],
    ]);
    // It read Ana's account by its id, then her own public events under her current login — one
    // short page, nothing else — and logged nothing.
    expect(fake.state.requests.map((r) => r.path)).toEqual(["/user/101", "/users/Ana-R/events/public"]);
    expect(eventReads()[0].query).toEqual({ per_page: "100", page: "1" });
    expect(await t.db.loggedInteraction.count()).toBe(0);
    expect(await searchedAt(ana.id)).toEqual(now);

    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await t.db.interactionOffer.count()).toBe(3);
  });

  it("Add them logs each as a GitHub comment or mention with the comment as evidence — and Rapport's usual check verifies every one", async () => {
    const { ana, grace, urls } = await setup();
    await find(ana.id);
    const out = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_g", decision: "add" }, now });
    expect(out.logged).toHaveLength(3);
    const logged = await t.db.loggedInteraction.findMany({ where: { actorId: ana.id }, orderBy: { occurredOn: "asc" } });
    expect(logged.map((l) => [l.targetId, l.platform, l.kind, l.occurredOn.toISOString().slice(0, 10), l.evidenceUrl, l.status, l.checkState])).toEqual([
      [grace.id, "github", "mention", "2026-11-18", urls.m1, "pending", "queued"],
      [grace.id, "github", "comment", "2026-11-19", urls.r1, "pending", "queued"],
      [grace.id, "github", "comment", "2026-11-20", urls.c1, "pending", "queued"],
    ]);
    for (const l of logged) expect(await verifyEvidence(t.db, { loggedId: l.id, now, deps: deps() })).toBe("matched");
    expect(await t.db.loggedInteraction.count({ where: { actorId: ana.id, status: "verified", verifiedBy: "github" } })).toBe(3);
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
  });

  it("follows Ana's renamed account by its id: her events are read under the new login", async () => {
    const { ana } = await setup();
    fake.addUser({ id: ANA.id, login: "ana-renamed" });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    expect(eventReads().map((r) => r.path)).toEqual(["/users/ana-renamed/events/public"]);
  });

  it("a pull request GitHub sends without its author (since October 2025) still yields the mentions in the review comment", async () => {
    const { ana } = await setup();
    fake.addReviewComment({ repo: "octo/site", number: 13, id: "9202", authorId: ANA.id, openerId: GRACE.id, createdAt: "2026-11-20T16:00:00Z", stub: true });
    const m = fake.addReviewComment({ repo: "octo/site", number: 14, id: "9203", authorId: ANA.id, openerId: LEE.id, createdAt: "2026-11-20T16:30:00Z", stub: true, body: "@grace-k what do you think?" });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 4 });
    const offer = await t.db.interactionOffer.findFirstOrThrow({ where: { postUrl: m.url } });
    expect(offer.kind).toBe("mention");
    expect(await t.db.interactionOffer.count({ where: { postUrl: { contains: "discussion_r9202" } } })).toBe(0);
  });

  it("needs Ana's own verified GitHub account: unverified, nothing is read", async () => {
    const { ana } = await setup();
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { verifiedAt: null } });
    expect(await find(ana.id)).toEqual({ outcome: "skipped" });
    expect(fake.state.requests).toHaveLength(0);
  });

  it("an account GitHub no longer has offers nothing and counts as searched", async () => {
    const { ana } = await setup();
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { externalId: "999999" } });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(eventReads()).toHaveLength(0);
    expect(await searchedAt(ana.id)).toEqual(now);
  });

  it("GitHub rate-limiting is a fault to retry later: nothing is written, and the next run finds the offers", async () => {
    const { ana } = await setup();
    fake.rateLimit(120, 1);
    expect(await find(ana.id).catch((e: unknown) => e)).toBeInstanceOf(ProviderFault);
    expect(await t.db.interactionOffer.count()).toBe(0);
    expect(await searchedAt(ana.id)).toBeNull();
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
  });

  it("GitHub faulting costs Ana none of her Bluesky offers: they are kept, she stays due, and GitHub's come on the next run", async () => {
    const { ana } = await setup();
    const [anaDid, graceDid] = ["did:plc:ana2ana2ana2ana2ana2ana2", "did:plc:grace3grace3grace3grace3"];
    bsky.addAccount({ handle: "ana.bsky.social", did: anaDid });
    bsky.addAccount({ handle: "grace.bsky.social", did: graceDid });
    const grace = await t.db.member.findUniqueOrThrow({ where: { handle: "grace_g" } });
    for (const [memberId, handle, did] of [[ana.id, "ana.bsky.social", anaDid], [grace.id, "grace.bsky.social", graceDid]]) {
      await t.db.linkedAccount.create({ data: { memberId, network: "bluesky", handle, externalId: did, code: "rapport-x", verifiedAt: now } });
    }
    bsky.addReply({ authorDid: anaDid, parentDid: graceDid, rkey: "3lbgh1", createdAt: "2026-11-20T15:00:00.000Z" });
    fake.rateLimit(120, 1);
    expect(await find(ana.id).catch((e: unknown) => e)).toBeInstanceOf(ProviderFault);
    expect((await t.db.interactionOffer.findMany()).map((o) => o.network)).toEqual(["bluesky"]);
    expect(await searchedAt(ana.id)).toBeNull();
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    expect(await searchedAt(ana.id)).toEqual(now);
  });

  it("pages back 100 events at a time: at most 3 pages, fewer when a page is short or reaches back before the window", async () => {
    const { ana } = await setup();
    const day = 86_400_000;
    // 400 pushes, one every 3 hours back from two days ago: GitHub keeps 300 events in all.
    for (let i = 0; i < 400; i++) fake.addEvent(ANA.id, pushEvent(new Date(now.getTime() - 2 * day - i * 3 * 3_600_000).toISOString()));
    await find(ana.id);
    expect(eventReads().map((r) => r.query.page)).toEqual(["1", "2", "3"]);

    await t.reset();
    const again = await setup();
    // 150 pushes from before the longest window a protocol may have (a year): the first full page
    // already reaches back past it (GitHub itself keeps only 30 days).
    for (let i = 0; i < 150; i++) fake.addEvent(ANA.id, pushEvent(new Date(now.getTime() - 400 * day - i * day).toISOString()));
    expect(await find(again.ana.id)).toEqual({ outcome: "found", created: 3 });
    expect(eventReads().map((r) => r.query.page)).toEqual(["1"]);
  });

  it("a page too large to read ends the reading there: what the pages before it held is still offered", async () => {
    const { ana } = await setup();
    for (let i = 0; i < 100; i++) fake.addEvent(ANA.id, pushEvent(`2026-11-10T${String(i % 24).padStart(2, "0")}:00:00Z`));
    fake.addComment({ repo: "octo/site", number: 8, id: "9901", authorId: ANA.id, openerId: GRACE.id, createdAt: "2026-11-01T09:00:00Z", body: "x".repeat(5 * 1024 * 1024) });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    expect(eventReads().map((r) => r.query.page)).toEqual(["1", "2"]);
    expect(await searchedAt(ana.id)).toEqual(now);
  });
});

describe("GitHub's public events API, as Rapport reads it", () => {
  beforeEach(() => t.reset());

  it("answers [] past the 300 events GitHub keeps (its 422), null for an unknown login, and sends GitHub's headers without a token", async () => {
    await setup();
    const api = deps().github;
    expect(await api.listUserPublicEvents("Ana-R", 4)).toEqual([]);
    expect(await api.listUserPublicEvents("no-such-user", 1)).toBeNull();
    expect((await api.listUserPublicEvents("ana-r", 1))?.length).toBe(8);
    expect(eventReads().map((r) => r.query)).toEqual([
      { per_page: "100", page: "4" },
      { per_page: "100", page: "1" },
      { per_page: "100", page: "1" },
    ]);
    for (const r of eventReads()) {
      expect(r.headers).toMatchObject({ accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" });
      expect(r.headers.authorization).toBeUndefined();
    }
    // With GITHUB_TOKEN set, the token goes along (GitHub's higher rate limit).
    const withToken = { ...config, githubToken: "ghp_test" };
    await gitHubApi(createFetcher({ minIntervalMs: 0 }), withToken).listUserPublicEvents("Ana-R", 1);
    expect(eventReads().at(-1)!.headers.authorization).toBe("Bearer ghp_test");
  });
});
