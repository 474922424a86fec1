import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dueFinders, findersAbout, findInteractionOffers, FIND_MAX_PAGES } from "@/lib/server/services/offers/find-offers";
import { interactionsFind } from "@/lib/server/jobs/registry";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { setFindInteractions } from "@/lib/server/services/offers/find-setting";
import { linkBluesky, unlinkAccount } from "@/lib/server/services/verify/link-account";
import { storeLinkChanges } from "@/lib/server/services/verify/link-changes";
import { listOpenOffers } from "@/lib/server/queries/interaction-offers";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { FetchRefused, ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { createMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { localServer } from "@/tests/support/local-server";
import { serverUrl, useTestDatabase } from "@/tests/support/test-database";
import { createFakeBluesky, type FakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";

const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const ANA = "did:plc:ana2ana2ana2ana2ana2ana2";
const GRACE = "did:plc:grace3grace3grace3grace3";
const LEE = "did:plc:lee5lee5lee5lee5lee5lee5l";
const MAL = "did:plc:mal4mal4mal4mal4mal4mal4";
const STRANGER = "did:plc:str6str6str6str6str6str6";

let fake: FakeBluesky;
let srv: Awaited<ReturnType<typeof localServer>>;
let config: VerifyConfig;
/** Set by a test: runs once, while the next request to Bluesky waits for its answer. */
let during: (() => Promise<unknown>) | null = null;

beforeAll(async () => {
  srv = await localServer(async (q, r) => {
    const run = during;
    during = null;
    await run?.();
    fake.handler(q, r);
  });
  config = { enabled: true, blueskyApi: srv.url, githubApi: "https://api.github.com", githubToken: null };
});
afterAll(() => srv.close());

// A fresh fetcher per run: no cache or rate-limit gate carried between cases.
const deps = () => ({ config, bluesky: blueskyApi(createFetcher({ minIntervalMs: 0, maxWaitMs: 0 }), config) });
const find = (memberId: string, at = now) => findInteractionOffers(t.db, { memberId, now: at, deps: deps() });
const feedReads = () => fake.state.requests.filter((r) => r.path === "/xrpc/app.bsky.feed.getAuthorFeed");

async function setup() {
  fake = createFakeBluesky();
  for (const [handle, did] of [["ana.bsky.social", ANA], ["grace.bsky.social", GRACE], ["lee.bsky.social", LEE], ["mal.bsky.social", MAL], ["stranger.bsky.social", STRANGER]]) {
    fake.addAccount({ handle, did });
  }
  const ana = await createMember({ handle: "ana_f", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_f", name: "Grace Kim" });
  const lee = await createMember({ handle: "lee_f", name: "Lee Park", policy: { freshnessDays: 7 } });
  const mal = await createMember({ handle: "mal_f", name: "Mal Low" });
  const link = (memberId: string, handle: string, did: string) =>
    t.db.linkedAccount.create({ data: { memberId, network: "bluesky", handle, externalId: did, code: "rapport-x", verifiedAt: now } });
  await link(ana.id, "ana.bsky.social", ANA);
  await link(grace.id, "grace.bsky.social", GRACE);
  await link(lee.id, "lee.bsky.social", LEE);
  await link(mal.id, "mal.bsky.social", MAL);
  await setFindInteractions(t.db, { memberId: ana.id, on: true });
  // Ana's feed: two replies to Grace, a mention of Grace, a reply to Lee 10 days ago (outside Lee's
  // 7-day window), a reply to Mal (who blocked her), a reply to a non-member and a self-reply.
  const r1 = fake.addReply({ authorDid: ANA, parentDid: GRACE, rkey: "3lbr1", createdAt: "2026-11-20T15:00:00.000Z" });
  const r2 = fake.addReply({ authorDid: ANA, parentDid: GRACE, rkey: "3lbr2", createdAt: "2026-11-19T15:00:00.000Z" });
  const m1 = fake.addReply({ authorDid: ANA, parentDid: GRACE, mentionDid: GRACE, rkey: "3lbm1", createdAt: "2026-11-18T15:00:00.000Z", replyTo: false });
  fake.addReply({ authorDid: ANA, parentDid: LEE, rkey: "3lbold", createdAt: "2026-11-11T09:00:00.000Z" });
  fake.addReply({ authorDid: ANA, parentDid: MAL, rkey: "3lbmal", createdAt: "2026-11-20T09:00:00.000Z" });
  fake.addReply({ authorDid: ANA, parentDid: STRANGER, rkey: "3lbstr", createdAt: "2026-11-20T09:00:00.000Z" });
  fake.addReply({ authorDid: ANA, parentDid: ANA, rkey: "3lbself", createdAt: "2026-11-20T08:00:00.000Z" });
  await createBlock(mal.id, ana.id);
  return { ana, grace, lee, mal, urls: { r1: r1.url, r2: r2.url, m1: m1.url } };
}

describe("Found for you: replies and mentions on Bluesky offered for logging", () => {
  beforeEach(() => t.reset());

  it("the finder offers Ana her replies to and mention of Grace — nothing about non-members, blocked members, old posts or herself — and a re-run offers nothing new", async () => {
    const { ana, grace, urls } = await setup();
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    const groups = await listOpenOffers(t.db, { actorId: ana.id, now });
    expect(groups).toHaveLength(1);
    expect(groups[0].member).toMatchObject({ id: grace.id, handle: "grace_f" });
    expect(groups[0].offers.map((o) => [o.kind, o.postUrl, o.occurredAt.toISOString()])).toEqual([
      ["reply", urls.r1, "2026-11-20T15:00:00.000Z"],
      ["reply", urls.r2, "2026-11-19T15:00:00.000Z"],
      ["mention", urls.m1, "2026-11-18T15:00:00.000Z"],
    ]);
    // It read Ana's own feed by her DID, replies included, and nothing is logged yet.
    expect(feedReads()[0].query).toMatchObject({ actor: ANA, filter: "posts_with_replies", limit: "100" });
    expect(await t.db.loggedInteraction.count()).toBe(0);
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).interactionsFoundAt).toEqual(now);

    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await t.db.interactionOffer.count()).toBe(3);
  });

  it("Add them logs each offer once, as a Bluesky interaction with the post as evidence, queued for Rapport's check — which verifies it", async () => {
    const { ana, grace, urls } = await setup();
    await find(ana.id);
    const out = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now });
    expect(out.offers.map((o) => o.state)).toEqual(["added", "added", "added"]);
    expect(out.logged).toHaveLength(3);
    const logged = await t.db.loggedInteraction.findMany({ where: { actorId: ana.id }, orderBy: { occurredOn: "asc" } });
    expect(logged.map((l) => [l.targetId, l.platform, l.kind, l.occurredOn.toISOString().slice(0, 10), l.evidenceUrl, l.status, l.checkState])).toEqual([
      [grace.id, "bluesky", "mention", "2026-11-18", urls.m1, "pending", "queued"],
      [grace.id, "bluesky", "reply", "2026-11-19", urls.r2, "pending", "queued"],
      [grace.id, "bluesky", "reply", "2026-11-20", urls.r1, "pending", "queued"],
    ]);
    // Grace is told once, not three times: one notification and one email for the add.
    const notes = await t.db.notification.findMany({ where: { memberId: grace.id, type: "logged_pending" } });
    expect(notes).toHaveLength(1);
    expect(notes[0].data).toMatchObject({ byHandle: "ana_f", count: 3, platform: "bluesky" });
    const mails = await t.db.emailOutbox.findMany({ where: { memberId: grace.id } });
    expect(mails.map((m) => m.subject)).toEqual(["Ana Ruiz logged 3 interactions with you"]);
    expect(mails[0].textBody).toContain("or once Rapport verifies its link on Bluesky");
    // Nothing left to offer; a second click adds nothing; a re-run of the finder offers nothing again.
    expect(await listOpenOffers(t.db, { actorId: ana.id, now })).toEqual([]);
    expect(await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now })).toEqual({ offers: [], logged: [] });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await t.db.loggedInteraction.count()).toBe(3);
    // The usual evidence check verifies what was added.
    expect(await verifyEvidence(t.db, { loggedId: out.logged[0].id, now, deps: deps() })).toBe("matched");
  });

  it("a decision can name the offers it is about: Ana adds one reply and dismisses the mention, the other reply stays offered", async () => {
    const { ana, grace, urls } = await setup();
    await find(ana.id);
    const [group] = await listOpenOffers(t.db, { actorId: ana.id, now });
    const id = (url: string) => group.offers.find((o) => o.postUrl === url)!.id;
    const added = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add", offers: [id(urls.r1)] }, now });
    expect(added.logged.map((l) => [l.evidenceUrl, l.actor.handle, l.target.handle, l.status])).toEqual([[urls.r1, "ana_f", "grace_f", "pending"]]);
    const dismissed = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "dismiss", offers: [id(urls.m1)] }, now });
    expect(dismissed.offers.map((o) => [o.postUrl, o.state])).toEqual([[urls.m1, "dismissed"]]);
    const left = await listOpenOffers(t.db, { actorId: ana.id, now });
    expect(left.flatMap((g) => g.offers.map((o) => o.postUrl))).toEqual([urls.r2]);
    // one add of one post: Grace hears "logged an interaction", as for a hand-logged one
    const notes = await t.db.notification.findMany({ where: { memberId: grace.id, type: "logged_pending" } });
    expect(notes.map((n) => (n.data as { count?: number }).count ?? 1)).toEqual([1]);
  });

  it("ids of offers about someone else, or already decided, decide nothing; an empty choice is refused naming the field", async () => {
    const { ana, urls } = await setup();
    await find(ana.id);
    const [group] = await listOpenOffers(t.db, { actorId: ana.id, now });
    const r1 = group.offers.find((o) => o.postUrl === urls.r1)!.id;
    // Grace's offers named as if they were about Lee: nothing matches
    expect(await decideOffers(t.db, { actorId: ana.id, input: { member: "lee_f", decision: "add", offers: [r1] }, now })).toEqual({ offers: [], logged: [] });
    await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "dismiss", offers: [r1] }, now });
    expect(await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add", offers: [r1] }, now })).toEqual({ offers: [], logged: [] });
    await expect(decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add", offers: [] }, now })).rejects.toMatchObject({
      code: "validation",
      fields: { offers: ["Tick at least one of the posts."] },
    });
    expect(await t.db.loggedInteraction.count()).toBe(0);
  });

  it("Dismiss hides the offers for good, logs nothing, and a re-run does not bring them back", async () => {
    const { ana } = await setup();
    await find(ana.id);
    const out = await decideOffers(t.db, { actorId: ana.id, input: { member: "@Grace_F", decision: "dismiss" }, now });
    expect(out.offers.map((o) => o.state)).toEqual(["dismissed", "dismissed", "dismissed"]);
    expect(out.logged).toEqual([]);
    expect(await listOpenOffers(t.db, { actorId: ana.id, now })).toEqual([]);
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await listOpenOffers(t.db, { actorId: ana.id, now })).toEqual([]);
    expect(await t.db.loggedInteraction.count()).toBe(0);
  });

  it("a post Ana already logged by hand is not offered, and one logged meanwhile is not logged twice", async () => {
    const { ana, urls } = await setup();
    const manual = (url: string, occurredOn: string) =>
      logInteraction(t.db, { actorId: ana.id, input: { targetHandle: "grace_f", platform: "bluesky", kind: "reply", occurredOn, evidenceUrl: url }, now });
    await manual(urls.r1, "2026-11-20");
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 2 });
    await manual(urls.r2, "2026-11-19");
    const out = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now });
    expect(out.offers).toHaveLength(2);
    expect(out.logged).toHaveLength(1);
    expect(await t.db.loggedInteraction.count({ where: { actorId: ana.id } })).toBe(3);
  });

  it("adding is refused as a whole when the protocol refuses a log (Grace blocked Ana since): the offers stay, nothing is logged", async () => {
    const { ana, grace } = await setup();
    await find(ana.id);
    await createBlock(grace.id, ana.id);
    await expect(decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now })).rejects.toMatchObject({ code: "not_found" });
    expect(await t.db.loggedInteraction.count()).toBe(0);
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(3);
    // …and the list no longer shows them.
    expect(await listOpenOffers(t.db, { actorId: ana.id, now })).toEqual([]);
  });

  it("opting out stops the finder (nothing read) and forgets the open offers; opting in again never re-offers what was decided", async () => {
    const { ana } = await setup();
    await find(ana.id);
    await t.db.interactionOffer.updateMany({ where: { postUrl: { endsWith: "3lbr1" } }, data: { state: "dismissed" } });
    expect(await setFindInteractions(t.db, { memberId: ana.id, on: false })).toEqual({ findInteractions: false, readable: ["bluesky"] });
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(0);
    const reads = feedReads().length;
    expect(await find(ana.id)).toEqual({ outcome: "skipped" });
    expect(feedReads()).toHaveLength(reads);

    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 2 });
  });

  it("unlinking Bluesky forgets the open offers resting on that account, on either side — not decided ones, not another network's — and verifying it again finds them again", async () => {
    const { ana, grace, lee } = await setup();
    await find(ana.id);
    await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "dismiss", offers: [(await t.db.interactionOffer.findFirstOrThrow({ where: { postUrl: { endsWith: "3lbr1" } } })).id] }, now });
    const offer = (actorId: string, targetId: string, network: string, postUri: string) =>
      t.db.interactionOffer.create({ data: { actorId, targetId, network, postUri, postUrl: `https://example.test/${postUri}`, kind: "reply", occurredAt: now } });
    await offer(grace.id, ana.id, "bluesky", "grace-to-ana"); // Grace's offer, matched to Ana's account
    await offer(grace.id, lee.id, "bluesky", "grace-to-lee"); // nothing to do with Ana
    await offer(ana.id, grace.id, "github", "ana-on-github"); // Ana's, on another network
    const open = async () => (await t.db.interactionOffer.findMany({ where: { state: "open" }, select: { postUri: true }, orderBy: { postUri: "asc" } })).map((o) => o.postUri);
    expect(await open()).toHaveLength(5);

    expect(await unlinkAccount(t.db, { memberId: ana.id, network: "bluesky" })).toEqual({ offersForgotten: 2 });
    expect(await open()).toEqual(["ana-on-github", "grace-to-lee"]);
    expect(await t.db.interactionOffer.count({ where: { state: "dismissed" } })).toBe(1);
    expect(await listOpenOffers(t.db, { actorId: ana.id, now })).toEqual([expect.objectContaining({ network: "github" })]);
    expect(await listOpenOffers(t.db, { actorId: grace.id, now })).toEqual([expect.objectContaining({ member: expect.objectContaining({ handle: "lee_f" }) })]);

    // The same account verified again: the finder offers what is still open to offer, never the dismissed one.
    await t.db.linkedAccount.create({ data: { memberId: ana.id, network: "bluesky", handle: "ana.bsky.social", externalId: ANA, code: "rapport-x", verifiedAt: now } });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 2 });
  });

  it("an account unlinked while Bluesky is being read offers nothing: the unlink has nothing left to forget afterwards", async () => {
    const { ana } = await setup();
    during = () => unlinkAccount(t.db, { memberId: ana.id, network: "bluesky" });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await t.db.interactionOffer.count()).toBe(0);
  });

  it("restarting the Bluesky link with another handle unverifies the account, and its open offers go with it; the other member unlinking through PATCH /me's store forgets the offers matched to them", async () => {
    const { ana, grace } = await setup();
    fake.addAccount({ handle: "ana-new.bsky.social", did: "did:plc:anaNEWanaNEWanaNEWanaNEW" });
    await find(ana.id);
    expect(await t.db.interactionOffer.count({ where: { actorId: ana.id, state: "open" } })).toBe(3);
    const started = await linkBluesky(t.db, { memberId: ana.id, handle: "ana-new.bsky.social", now, deps: deps() });
    expect(started).toMatchObject({ handle: "ana-new.bsky.social", verified: false });
    expect(await t.db.interactionOffer.count()).toBe(0);

    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { handle: "ana.bsky.social", externalId: ANA, verifiedAt: now } });
    await find(ana.id);
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(3);
    // Grace unlinks through the API's store (storeLinkChanges): the offers matched to her account go.
    await t.db.$transaction((tx) => storeLinkChanges(tx, { memberId: grace.id, changes: { bluesky: null }, now }));
    expect(await t.db.interactionOffer.count()).toBe(0);
    expect(await t.db.linkedAccount.count({ where: { memberId: grace.id } })).toBe(0);
  });

  it("needs Ana's own verified Bluesky account: unverified, nothing is read", async () => {
    const { ana } = await setup();
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { verifiedAt: null } });
    expect(await find(ana.id)).toEqual({ outcome: "skipped" });
    expect(feedReads()).toHaveLength(0);
  });

  it("a feed Bluesky will not show (the account is gone: 400) offers nothing and counts as searched", async () => {
    const { ana } = await setup();
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { externalId: "did:plc:gone7gone7gone7gone7gone7" } });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).interactionsFoundAt).toEqual(now);
  });

  it("an answer the fetcher refuses (over its size limit) offers nothing from that network and does not fail the run", async () => {
    const { ana } = await setup();
    const api = blueskyApi(createFetcher({ minIntervalMs: 0, maxWaitMs: 0 }), config);
    const refusing = { ...api, getAuthorFeed: async () => { throw new FetchRefused("the answer is over 1 MiB"); } };
    expect(await findInteractionOffers(t.db, { memberId: ana.id, now, deps: { config, bluesky: refusing } })).toEqual({ outcome: "found", created: 0 });
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).interactionsFoundAt).toEqual(now);
  });

  it("Bluesky rate-limiting (429) is a fault to retry later: nothing is written, and the next run finds the offers", async () => {
    const { ana } = await setup();
    fake.rateLimit(120, 1);
    const err = await find(ana.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderFault);
    expect(await t.db.interactionOffer.count()).toBe(0);
    expect((await t.db.member.findUniqueOrThrow({ where: { id: ana.id } })).interactionsFoundAt).toBeNull();
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
  });

  it(`reads at most ${FIND_MAX_PAGES} pages of 100 posts, and stops at the longest window's start`, async () => {
    const { ana } = await setup();
    const day = 86_400_000;
    // 350 more posts, one every 12 hours going back: over a year's worth would take 730.
    for (let i = 0; i < 350; i++) fake.addReply({ authorDid: ANA, parentDid: ANA, rkey: `3lbx${i}`, createdAt: new Date(now.getTime() - 2 * day - i * 0.5 * day).toISOString() });
    await find(ana.id);
    expect(feedReads().map((r) => r.query.cursor ?? null)).toEqual([null, "100", "200"]);
  });
});

describe("the interactions.find job", () => {
  beforeEach(() => t.reset());

  it("when Grace verifies her account, the opted-in members who know her are searched again — not strangers, not someone she blocked", async () => {
    const { ana, grace, lee, mal } = await setup();
    const summary = (requesterId: string, recipientId: string) =>
      t.db.relationshipSummary.create({ data: { requesterId, recipientId, status: "warming", percent: 10, gateMet: false, points: 1, interactions: 1, validUntil: now, computedAt: now } });
    // Ana knows Grace (a row her way); Mal knows Grace the other way round but Grace blocked Mal; Lee does not know Grace.
    await summary(ana.id, grace.id);
    await summary(grace.id, mal.id);
    await createBlock(grace.id, mal.id);
    for (const m of [lee, mal]) await setFindInteractions(t.db, { memberId: m.id, on: true });
    expect(await findersAbout(t.db, { memberId: grace.id, network: "bluesky", limit: 10 })).toEqual([ana.id]);
    // Ana's search before Grace verified found nothing about her…
    await t.db.linkedAccount.updateMany({ where: { memberId: grace.id }, data: { verifiedAt: null } });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    // …the job run for Grace's verification finds Ana's three posts.
    await t.db.linkedAccount.updateMany({ where: { memberId: grace.id }, data: { verifiedAt: now } });
    process.env.RAPPORT_BLUESKY_API = srv.url;
    try {
      await interactionsFind.handler(t.db, { about: grace.id, network: "bluesky" }, { now });
    } finally {
      delete process.env.RAPPORT_BLUESKY_API;
    }
    expect(await t.db.interactionOffer.count({ where: { actorId: ana.id, targetId: grace.id } })).toBe(3);
  });

  it("the hourly sweep searches opted-in members not searched for a day, least recently first, and leaves the others", async () => {
    const { ana, grace } = await setup();
    // Grace opted in too and was searched an hour ago: not due. Lee never opted in.
    await setFindInteractions(t.db, { memberId: grace.id, on: true });
    await t.db.member.update({ where: { id: grace.id }, data: { interactionsFoundAt: new Date(now.getTime() - 3_600_000) } });
    expect(await dueFinders(t.db, { before: new Date(now.getTime() - 23 * 3_600_000), limit: 10 })).toEqual([ana.id]);
    process.env.RAPPORT_BLUESKY_API = srv.url;
    try {
      await interactionsFind.handler(t.db, {}, { now });
    } finally {
      delete process.env.RAPPORT_BLUESKY_API;
    }
    expect(await t.db.interactionOffer.count({ where: { actorId: ana.id } })).toBe(3);
    expect(feedReads().map((r) => r.query.actor)).toEqual([ANA]);
  });
});

describe.skipIf(!serverUrl())("Found for you under concurrent clicks (PostgreSQL)", () => {
  beforeEach(() => t.reset());

  it("two Add them at once log each offer exactly once", async () => {
    const { ana } = await setup();
    await find(ana.id);
    const results = await Promise.allSettled([1, 2, 3].map(() => decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now })));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    const counts = results.map((r) => (r.status === "fulfilled" ? r.value.logged.length : -1)).sort();
    expect(counts).toEqual([0, 0, 3]);
    const logged = await t.db.loggedInteraction.findMany({ where: { actorId: ana.id }, select: { evidenceUrl: true } });
    expect(logged).toHaveLength(3);
    expect(new Set(logged.map((l) => l.evidenceUrl)).size).toBe(3);
  });

  it("Add and Dismiss at once: one wins, the offers are decided once", async () => {
    const { ana } = await setup();
    await find(ana.id);
    const [add, dismiss] = await Promise.all([
      decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "add" }, now }),
      decideOffers(t.db, { actorId: ana.id, input: { member: "grace_f", decision: "dismiss" }, now }),
    ]);
    expect(add.offers.length + dismiss.offers.length).toBe(3);
    expect([add.offers.length, dismiss.offers.length].sort()).toEqual([0, 3]);
    expect(await t.db.loggedInteraction.count()).toBe(add.logged.length);
  });
});

