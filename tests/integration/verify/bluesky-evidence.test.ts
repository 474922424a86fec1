import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { linkBluesky } from "@/lib/server/services/verify/link-account";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { evidenceVerify } from "@/lib/server/jobs/registry";
import { createMember } from "@/tests/factories/members";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { createFakeBluesky, type FakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";
import type { TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";
import { loggedVerification } from "@/lib/verify/logged-verification";

const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const ANA_DID = "did:plc:ana2ana2ana2ana2ana2ana2";
const GRACE_DID = "did:plc:grace3grace3grace3grace3";
const MAL_DID = "did:plc:mal4mal4mal4mal4mal4mal4";

let fake: FakeBluesky;
let srv: Awaited<ReturnType<typeof localServer>>;
let config: VerifyConfig;

beforeAll(async () => {
  fake = createFakeBluesky();
  srv = await localServer((q, r) => fake.handler(q, r));
  config = { enabled: true, blueskyApi: srv.url, githubApi: "https://api.github.com", githubToken: null };
});
afterAll(() => srv.close());

// A fresh fetcher per check: no cache or rate-limit gate carried between cases.
const deps = (o: Parameters<typeof createFetcher>[0] = {}) => ({ config, bluesky: blueskyApi(createFetcher({ minIntervalMs: 0, ...o }), config) });

async function setup({ anaVerified = true, graceVerified = true } = {}) {
  fake.addAccount({ handle: "ana.bsky.social", did: ANA_DID, displayName: "Ana Ruiz" });
  fake.addAccount({ handle: "grace.bsky.social", did: GRACE_DID, displayName: "Grace Kim" });
  fake.addAccount({ handle: "mallory.bsky.social", did: MAL_DID, displayName: "Mallory" });
  const ana = await createMember({ handle: "ana_v", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_v", name: "Grace Kim" });
  const link = (memberId: string, handle: string, did: string, verified: boolean) =>
    t.db.linkedAccount.create({ data: { memberId, network: "bluesky", handle, externalId: did, code: "rapport-x", verifiedAt: verified ? now : null } });
  await link(ana.id, "ana.bsky.social", ANA_DID, anaVerified);
  await link(grace.id, "grace.bsky.social", GRACE_DID, graceVerified);
  return { ana, grace };
}

async function logReply(actorId: string, url: string, occurredOn = "2026-11-20") {
  const input = { targetHandle: "grace_v", platform: "bluesky", kind: "reply", occurredOn, evidenceUrl: url } as TLoggedInteractionCreateInput;
  return logInteraction(t.db, { actorId, input, now });
}

const row = (id: string) => t.db.loggedInteraction.findUniqueOrThrow({ where: { id } });

describe(`Bluesky evidence checked by Rapport`, () => {
  beforeEach(() => t.reset());

  it("a matching reply verifies: counts in full at once, and the pair's summary is rewritten in the same write", async () => {
    const { ana, grace } = await setup();
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lbmatch1", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    expect(logged.checkState).toBe("queued");
    const before = await t.db.relationshipSummary.findUniqueOrThrow({ where: { requesterId_recipientId: { requesterId: ana.id, recipientId: grace.id } } });

    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");

    const after = await row(logged.id);
    expect(after).toMatchObject({ status: "verified", verifiedBy: "bluesky", checkState: "matched", checkReason: null });
    expect(loggedVerification(after, true)).toEqual({ state: "verified", verifiedBy: "bluesky", checking: false, reason: null });
    const interaction = await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } });
    expect(interaction.verification).toBe("verified");
    const summary = await t.db.relationshipSummary.findUniqueOrThrow({ where: { requesterId_recipientId: { requesterId: ana.id, recipientId: grace.id } } });
    expect(summary.points).toBeGreaterThan(before.points);
    expect(summary.computedAt.toISOString()).toBe(now.toISOString());
    // Grace has nothing left to confirm, and a second run changes nothing.
    await expect(decideLogged(t.db, { targetId: grace.id, input: { id: logged.id, decision: "confirm" }, now })).rejects.toMatchObject({ code: "not_found" });
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("skipped");
    // The check asked the configured AppView, naming Rapport.
    const thread = fake.state.requests.find((r) => r.path === "/xrpc/app.bsky.feed.getPostThread" && r.query.uri.endsWith("3lbmatch1"));
    expect(thread?.query.uri).toBe(`at://${ANA_DID}/app.bsky.feed.post/3lbmatch1`);
    expect(thread?.userAgent).toMatch(/Rapport/);
  });

  it.each([
    ["wrong author", { authorDid: MAL_DID, parentDid: GRACE_DID }, "2026-11-20", /written by @mallory\.bsky\.social, not by your verified Bluesky account/],
    ["wrong target", { authorDid: ANA_DID, parentDid: MAL_DID }, "2026-11-20", /neither replies to nor mentions Grace's verified Bluesky account/],
    ["date mismatch", { authorDid: ANA_DID, parentDid: GRACE_DID }, "2026-11-14", /dated 2026-11-20, not 2026-11-14 as logged/],
  ])("%s: stays pending for the other member, with the reason for the one who logged it", async (_name, who, occurredOn, reason) => {
    const { ana, grace } = await setup();
    const rkey = `3lb${_name.replace(/\W/g, "")}`;
    const { url } = fake.addReply({ ...who, rkey, createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url, occurredOn);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    const after = await row(logged.id);
    expect(after.status).toBe("pending");
    expect(after.checkReason).toMatch(reason);
    expect(loggedVerification(after, true).reason).toMatch(reason);
    expect(loggedVerification(after, false).reason).toBeNull();
    expect((await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } })).verification).toBe("pending");
    // the other member can still confirm it by hand
    await expect(decideLogged(t.db, { targetId: grace.id, input: { id: logged.id, decision: "confirm" }, now })).resolves.toMatchObject({ status: "confirmed" });
  });

  it("a deleted post stays pending: the AppView's NotFound error", async () => {
    const { ana } = await setup();
    const { url, uri } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lbdeleted", createdAt: "2026-11-20T15:04:05.000Z" });
    fake.deletePost(uri);
    const logged = await logReply(ana.id, url);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(logged.id)).checkReason).toMatch(/post is gone/);
  });

  it("an unverified account on either side stays pending without fetching anything", async () => {
    const { ana } = await setup({ anaVerified: false });
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lbunverified", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    const asked = fake.state.requests.length;
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(logged.id)).checkReason).toMatch(/Your Bluesky account is not verified yet/);
    expect(fake.state.requests.length).toBe(asked);

    await t.reset();
    const s = await setup({ graceVerified: false });
    const l2 = await logReply(s.ana.id, url);
    await verifyEvidence(t.db, { loggedId: l2.id, now, deps: deps() });
    expect((await row(l2.id)).checkReason).toMatch(/Grace has no verified Bluesky account/);
  });

  it("a provider answering 429 with a long Retry-After: nothing written, the job fails so pg-boss retries later", async () => {
    const { ana } = await setup();
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lblimited", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    fake.rateLimit(120, 1);
    const err = await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderFault);
    expect((await row(logged.id))).toMatchObject({ status: "pending", checkState: "queued" });
    // the next attempt, after it, verifies
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");
  });

  it("a provider answering 429 with a short Retry-After is asked again after it, in the same check", async () => {
    const { ana } = await setup();
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lbshort", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    const from = fake.state.requests.length;
    fake.rateLimit(1, 1);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");
    const calls = fake.state.requests.slice(from);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
  });

  it("the job's sweep checks what is queued", async () => {
    const { ana } = await setup();
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lbsweep", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    const prev = process.env.RAPPORT_BLUESKY_API;
    process.env.RAPPORT_BLUESKY_API = srv.url;
    try {
      await evidenceVerify.handler(t.db, {}, { now });
    } finally {
      if (prev === undefined) delete process.env.RAPPORT_BLUESKY_API;
      else process.env.RAPPORT_BLUESKY_API = prev;
    }
    expect((await row(logged.id)).status).toBe("verified");
  });

  it("links that no network can check are not queued (X stays confirmed by the other member)", async () => {
    const { ana } = await setup();
    const input = { targetHandle: "grace_v", platform: "x", kind: "reply", occurredOn: "2026-11-20", evidenceUrl: "https://x.com/ana/status/1" } as TLoggedInteractionCreateInput;
    const logged = await logInteraction(t.db, { actorId: ana.id, input, now });
    expect(logged.checkState).toBe("none");
  });
});

describe("linking a Bluesky account", () => {
  beforeEach(() => t.reset());

  it("resolves the handle to its DID, then verifies once the code is in the profile description, and re-queues what waited for it", async () => {
    fake.addAccount({ handle: "ana.bsky.social", did: ANA_DID, description: "hello" });
    fake.addAccount({ handle: "grace.bsky.social", did: GRACE_DID });
    const ana = await createMember({ handle: "ana_v", name: "Ana Ruiz" });
    const grace = await createMember({ handle: "grace_v", name: "Grace Kim" });
    await t.db.linkedAccount.create({ data: { memberId: grace.id, network: "bluesky", handle: "grace.bsky.social", externalId: GRACE_DID, code: "c", verifiedAt: now } });
    const { url } = fake.addReply({ authorDid: ANA_DID, parentDid: GRACE_DID, rkey: "3lblater", createdAt: "2026-11-20T15:04:05.000Z" });
    const logged = await logReply(ana.id, url);
    await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() });
    expect((await row(logged.id)).checkState).toBe("mismatch");

    const started = await linkBluesky(t.db, { memberId: ana.id, handle: "@Ana.bsky.social", now, deps: deps() });
    expect(started).toMatchObject({ handle: "ana.bsky.social", did: ANA_DID, verified: false });
    expect(started.code).toMatch(/^rapport-[a-z0-9]{8}$/);
    await expect(linkBluesky(t.db, { memberId: ana.id, handle: "ana.bsky.social", now, deps: deps() })).rejects.toMatchObject({
      code: "validation",
      fields: { "linkedAccounts.bluesky": [expect.stringMatching(/couldn't find rapport-/)] },
    });
    fake.setDescription(ANA_DID, `Writing about tokens. ${started.code}`);
    const done = await linkBluesky(t.db, { memberId: ana.id, handle: "ana.bsky.social", now, deps: deps() });
    expect(done).toMatchObject({ verified: true, code: null });
    expect((await row(logged.id)).checkState).toBe("queued");
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");
  });

  it("refuses an unknown handle, and an account already verified by another member", async () => {
    fake.addAccount({ handle: "grace.bsky.social", did: GRACE_DID, description: "" });
    const ana = await createMember({ handle: "ana_v" });
    const grace = await createMember({ handle: "grace_v" });
    await expect(linkBluesky(t.db, { memberId: ana.id, handle: "nobody.bsky.social", now, deps: deps() })).rejects.toMatchObject({ code: "validation" });
    await expect(linkBluesky(t.db, { memberId: ana.id, handle: "not a handle", now, deps: deps() })).rejects.toMatchObject({ code: "validation" });
    const g = await linkBluesky(t.db, { memberId: grace.id, handle: "grace.bsky.social", now, deps: deps() });
    fake.setDescription(GRACE_DID, g.code!);
    await linkBluesky(t.db, { memberId: grace.id, handle: "grace.bsky.social", now, deps: deps() });
    const a = await linkBluesky(t.db, { memberId: ana.id, handle: "grace.bsky.social", now, deps: deps() });
    fake.setDescription(GRACE_DID, a.code!);
    await expect(linkBluesky(t.db, { memberId: ana.id, handle: "grace.bsky.social", now, deps: deps() })).rejects.toMatchObject({
      fields: { "linkedAccounts.bluesky": ["That Bluesky account is already linked to another Rapport member."] },
    });
  });

  it("two members verifying the same account at the same moment: one gets it, the other is told it is taken", async () => {
    fake.addAccount({ handle: "grace.bsky.social", did: GRACE_DID, description: "" });
    const [ana, grace] = [await createMember({ handle: "ana_v" }), await createMember({ handle: "grace_v" })];
    const a = await linkBluesky(t.db, { memberId: ana.id, handle: "grace.bsky.social", now, deps: deps() });
    const g = await linkBluesky(t.db, { memberId: grace.id, handle: "grace.bsky.social", now, deps: deps() });
    fake.setDescription(GRACE_DID, `${a.code} ${g.code}`);
    const results = await Promise.allSettled([ana, grace].map((m) => linkBluesky(t.db, { memberId: m.id, handle: "grace.bsky.social", now, deps: deps() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ fields: { "linkedAccounts.bluesky": ["That Bluesky account is already linked to another Rapport member."] } });
    expect(await t.db.linkedAccount.count({ where: { externalId: GRACE_DID, verifiedAt: { not: null } } })).toBe(1);
    // and the database itself keeps it so, whatever the code does
    await expect(t.db.linkedAccount.updateMany({ where: { externalId: GRACE_DID }, data: { verifiedAt: now } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("says Bluesky cannot be reached when the AppView is down, without writing", async () => {
    const down = await localServer((_q, r) => r.writeHead(502).end());
    const ana = await createMember({ handle: "ana_v" });
    const c = { ...config, blueskyApi: down.url };
    await expect(linkBluesky(t.db, { memberId: ana.id, handle: "ana.bsky.social", now, deps: { config: c, bluesky: blueskyApi(createFetcher({ minIntervalMs: 0 }), c) } })).rejects.toMatchObject({ code: "unavailable" });
    expect(await t.db.linkedAccount.count()).toBe(0);
    await down.close();
  });
});
