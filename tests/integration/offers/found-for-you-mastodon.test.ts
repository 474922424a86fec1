import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dueFinders, findInteractionOffers } from "@/lib/server/services/offers/find-offers";
import { MASTODON_MAX_PAGES } from "@/lib/server/services/offers/readers/mastodon";
import { decideOffers } from "@/lib/server/services/offers/decide-offers";
import { setFindInteractions } from "@/lib/server/services/offers/find-setting";
import { listOpenOffers } from "@/lib/server/queries/interaction-offers";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { mastodonApi } from "@/lib/server/verify/mastodon-api";
import { ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { createMember } from "@/tests/factories/members";
import { createBlock } from "@/tests/factories/relations";
import { createFakeMastodon, fixture, type FakeMastodon, type FakeStatus } from "@/tests/support/fake-mastodon";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { createFakeBluesky, type FakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";

// Ana's instance is a local fake reached through the fetcher's strict path (tests/support/fake-mastodon.ts):
// the resolver gives social.example a public address, and — test only — testOnlyDial carries the
// checked connection to the fake. loop.example resolves to loopback and is never contacted.
const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const HOST = "social.example";
const ANA = `https://${HOST}/@ana`;
const GRACE = `https://${HOST}/@grace`;
const LEE = "https://other.example/@lee";
const MAL = `https://${HOST}/@mal`;
const STRANGER = `https://${HOST}/@stranger`;
const IDS: Record<string, string> = { [GRACE]: "109302436954722000", [LEE]: "55", [MAL]: "109302436954722011", [STRANGER]: "109302436954722012" };
const ADDRESSES: Record<string, string[]> = { [HOST]: ["93.184.216.34"], "loop.example": ["127.0.0.1"] };
const BSKY = { ana: "did:plc:ana2ana2ana2ana2ana2ana2", grace: "did:plc:grace3grace3grace3grace3" };

let masto: FakeMastodon;
let bsky: FakeBluesky;
let mastoSrv: Awaited<ReturnType<typeof localServer>>;
let bskySrv: Awaited<ReturnType<typeof localServer>>;
let config: VerifyConfig;

beforeAll(async () => {
  mastoSrv = await localServer((q, r) => masto.handler(q, r));
  bskySrv = await localServer((q, r) => bsky.handler(q, r));
  config = { enabled: true, blueskyApi: bskySrv.url, githubApi: "https://api.github.com", githubToken: null };
});
afterAll(async () => {
  await mastoSrv.close();
  await bskySrv.close();
});

// A fresh fetcher per run: no cache or rate-limit gate carried between cases.
const deps = () => {
  const fetcher = createFetcher({
    minIntervalMs: 0,
    maxWaitMs: 0,
    resolve: async (h) => {
      if (!ADDRESSES[h]) throw new Error("ENOTFOUND");
      return ADDRESSES[h];
    },
    testOnlyDial: () => ({ host: "127.0.0.1", port: mastoSrv.port }),
  });
  return { config, mastodon: mastodonApi(fetcher), bluesky: blueskyApi(fetcher, config) };
};
const find = (memberId: string) => findInteractionOffers(t.db, { memberId, now, deps: deps() });
const statusReads = () => masto.requests.filter((r) => /^\/api\/v1\/accounts\/[^/]+\/statuses$/.test(r.path));
const foundAt = async (id: string) => (await t.db.member.findUniqueOrThrow({ where: { id } })).interactionsFoundAt;

/** Snowflake-like ids, as Mastodon makes them: later statuses have larger ids. */
const idAt = (iso: string) => String(BigInt(Date.parse(iso)) << 16n);
const mention = (url: string) => ({ id: IDS[url], username: url.split("@").pop(), url, acct: url.split("@").pop() });

/** One of Ana's public statuses (a copy of the fixture's reply to Grace) replying to `to` and naming `mentions`. */
function addOwn({ createdAt, to, mentions = to ? [to] : [], visibility = "public" }: { createdAt: string; to?: string; mentions?: string[]; visibility?: string }) {
  const template = (fixture("account-statuses.json") as FakeStatus[])[1];
  const id = idAt(createdAt);
  masto.statuses.set(id, {
    ...template,
    id,
    created_at: createdAt,
    uri: `https://${HOST}/users/ana/statuses/${id}`,
    url: `${ANA}/${id}`,
    visibility,
    in_reply_to_id: to ? "113500000000000099" : null,
    in_reply_to_account_id: to ? IDS[to] : null,
    mentions: mentions.map(mention),
  });
  return `${ANA}/${id}`;
}

async function setup({ bluesky = false } = {}) {
  masto = createFakeMastodon();
  bsky = createFakeBluesky();
  masto.accounts.set("ana", fixture("account-lookup.json"));
  for (const s of fixture("account-statuses.json") as FakeStatus[]) masto.statuses.set(s.id, s);
  const parent = fixture("status-parent.json") as FakeStatus;
  masto.statuses.set(parent.id, parent); // Grace's status Ana replied to (the evidence check reads it)

  const ana = await createMember({ handle: "ana_m", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_m", name: "Grace Kim" });
  const lee = await createMember({ handle: "lee_m", name: "Lee Park", policy: { freshnessDays: 7 } });
  const mal = await createMember({ handle: "mal_m", name: "Mal Low" });
  const link = (memberId: string, handle: string, url: string) =>
    t.db.linkedAccount.create({ data: { memberId, network: "mastodon", handle, externalId: url, code: "https://rapport.test/u/x", verifiedAt: now } });
  await link(ana.id, "@ana@social.example", ANA);
  await link(grace.id, "@grace@social.example", GRACE);
  await link(lee.id, "@lee@other.example", LEE);
  await link(mal.id, "@mal@social.example", MAL);
  await createBlock(mal.id, ana.id);
  if (bluesky) {
    bsky.addAccount({ handle: "ana.bsky.social", did: BSKY.ana });
    bsky.addAccount({ handle: "grace.bsky.social", did: BSKY.grace });
    const linkB = (memberId: string, handle: string, did: string) =>
      t.db.linkedAccount.create({ data: { memberId, network: "bluesky", handle, externalId: did, code: "rapport-x", verifiedAt: now } });
    await linkB(ana.id, "ana.bsky.social", BSKY.ana);
    await linkB(grace.id, "grace.bsky.social", BSKY.grace);
    bsky.addReply({ authorDid: BSKY.ana, parentDid: BSKY.grace, rkey: "3lbr1", createdAt: "2026-11-20T11:00:00.000Z" });
  }
  // Beside the fixture (a reply to Grace, a mention of her, a reply under her own reply, a boost, a
  // private reply, a direct message): a reply to Lee 10 days ago (outside his 7-day window), a reply
  // to Mal (who blocked Ana) and a mention of someone who is not a member.
  addOwn({ createdAt: "2026-11-11T09:00:00.000Z", to: LEE });
  addOwn({ createdAt: "2026-11-20T09:00:00.000Z", to: MAL });
  addOwn({ createdAt: "2026-11-20T08:00:00.000Z", mentions: [STRANGER] });
  return { ana, grace, lee, mal };
}

const S = (id: string) => `${ANA}/1135100000000000${id}`;

beforeEach(() => t.reset());

describe("Found for you on Mastodon: Ana's own statuses, read from her instance", () => {
  it("offers Ana her reply to and mentions of Grace — nothing about non-members, blocked members, old statuses, boosts, private or direct ones — and a re-run offers nothing new", async () => {
    const { ana, grace } = await setup();
    expect(await setFindInteractions(t.db, { memberId: ana.id, on: true })).toEqual({ findInteractions: true, readable: ["mastodon"] });
    expect(await dueFinders(t.db, { before: now, limit: 10 })).toEqual([ana.id]);
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    const groups = await listOpenOffers(t.db, { actorId: ana.id, now });
    expect(groups.map((g) => [g.member.id, g.network])).toEqual([[grace.id, "mastodon"]]);
    expect(groups[0].offers.map((o) => [o.kind, o.postUrl, o.occurredAt.toISOString()])).toEqual([
      ["mention", S("06"), "2026-11-20T15:30:00.000Z"],
      ["reply", S("05"), "2026-11-20T15:04:05.000Z"],
      ["mention", S("02"), "2026-11-18T12:00:00.000Z"],
    ]);
    // Her account was found by its name on her instance, then her statuses read by its id, boosts
    // excluded, 40 at a time — all on social.example, through the strict path.
    expect(masto.requests.map((r) => [r.host, r.path, r.query])).toEqual([
      [HOST, "/api/v1/accounts/lookup", { acct: "ana" }],
      [HOST, "/api/v1/accounts/109302436954721982/statuses", { limit: "40", exclude_reblogs: "true" }],
    ]);
    expect(await t.db.loggedInteraction.count()).toBe(0);
    expect(await foundAt(ana.id)).toEqual(now);

    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await t.db.interactionOffer.count()).toBe(3);
  });

  it("Add them logs each as a Mastodon reply or mention with the status as evidence, and Rapport's evidence check verifies each", async () => {
    const { ana, grace } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    await find(ana.id);
    const out = await decideOffers(t.db, { actorId: ana.id, input: { member: "grace_m", decision: "add" }, now });
    expect(out.logged).toHaveLength(3);
    const logged = await t.db.loggedInteraction.findMany({ where: { actorId: ana.id }, orderBy: { evidenceUrl: "asc" } });
    expect(logged.map((l) => [l.targetId, l.platform, l.kind, l.occurredOn.toISOString().slice(0, 10), l.evidenceUrl, l.status, l.checkState])).toEqual([
      [grace.id, "mastodon", "mention", "2026-11-18", S("02"), "pending", "queued"],
      [grace.id, "mastodon", "reply", "2026-11-20", S("05"), "pending", "queued"],
      [grace.id, "mastodon", "mention", "2026-11-20", S("06"), "pending", "queued"],
    ]);
    for (const l of logged) expect(await verifyEvidence(t.db, { loggedId: l.id, now, deps: deps() })).toBe("matched");
    expect(await t.db.loggedInteraction.count({ where: { actorId: ana.id, status: "verified", verifiedBy: "mastodon" } })).toBe(3);
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
  });

  it(`reads at most ${MASTODON_MAX_PAGES} pages of 40, each older than the last status read`, async () => {
    const { ana } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    masto.statuses.clear();
    const day = 86_400_000;
    // 250 statuses, one every 12 hours going back: 125 days, all inside the longest window
    const ids = Array.from({ length: 250 }, (_, i) => idAt(new Date(now.getTime() - day - i * 0.5 * day).toISOString()));
    for (let i = 0; i < 250; i++) addOwn({ createdAt: new Date(now.getTime() - day - i * 0.5 * day).toISOString(), to: GRACE });
    // all inside Grace's window: the 200 read become offers, the 50 beyond the budget are not read
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 200 });
    expect(statusReads().map((r) => r.query.max_id ?? null)).toEqual([null, ids[39], ids[79], ids[119], ids[159]]);
  });

  it("stops at the longest window's start, and after a page that is not full", async () => {
    const { ana } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    masto.statuses.clear();
    for (let i = 0; i < 39; i++) addOwn({ createdAt: new Date(now.getTime() - (i + 1) * 3_600_000).toISOString(), to: GRACE });
    for (let i = 0; i < 10; i++) addOwn({ createdAt: `2025-10-${10 + i}T12:00:00.000Z`, to: GRACE });
    await find(ana.id);
    expect(statusReads()).toHaveLength(1); // the 40th status is over a year old

    await t.reset();
    const again = await setup();
    await setFindInteractions(t.db, { memberId: again.ana.id, on: true });
    await find(again.ana.id);
    expect(statusReads()).toHaveLength(1); // 9 statuses: Mastodon would give no next page
  });

  it("an account the instance no longer has, or has under another profile than the verified one, offers nothing and counts as searched", async () => {
    const { ana } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    masto.accounts.set("ana", { ...fixture("account-lookup.json"), url: `https://${HOST}/@ana2` });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(statusReads()).toHaveLength(0);
    masto.accounts.clear();
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await foundAt(ana.id)).toEqual(now);
  });

  it("an instance that shows nothing to readers not signed in (401) offers nothing and counts as searched", async () => {
    const { ana } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    masto.fail({ status: 401, path: "/api/v1/accounts/109302436954721982/statuses" });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(await foundAt(ana.id)).toEqual(now);
  });

  it("an instance Rapport will not contact (it resolves to a loopback address) is never reached, offers nothing, and does not fail the run", async () => {
    const { ana } = await setup();
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id, network: "mastodon" }, data: { handle: "@ana@loop.example", externalId: "https://loop.example/@ana" } });
    expect(await find(ana.id)).toEqual({ outcome: "found", created: 0 });
    expect(masto.requests).toHaveLength(0);
    expect(await foundAt(ana.id)).toEqual(now);
  });

  it.each([
    ["rate-limits (429, Retry-After 120 s)", { status: 429, retryAfter: 120 }],
    ["is down (500)", { status: 500 }],
  ])("when the instance %s, Bluesky's offers are stored, the run throws ProviderFault, Ana stays due, and the next run finds the Mastodon ones", async (_label, f) => {
    const { ana } = await setup({ bluesky: true });
    await setFindInteractions(t.db, { memberId: ana.id, on: true });
    masto.fail({ ...f, path: "/api/v1/accounts/109302436954721982/statuses" });
    expect(await find(ana.id).catch((e: unknown) => e)).toBeInstanceOf(ProviderFault);
    expect(await t.db.interactionOffer.findMany({ select: { network: true } })).toEqual([{ network: "bluesky" }]);
    expect(await foundAt(ana.id)).toBeNull();

    expect(await find(ana.id)).toEqual({ outcome: "found", created: 3 });
    expect(await t.db.interactionOffer.count({ where: { network: "mastodon" } })).toBe(3);
    expect(await foundAt(ana.id)).toEqual(now);
  });
});
