import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { findInteractionOffers } from "@/lib/server/services/offers/find-offers";
import { blueskyApi } from "@/lib/server/verify/bluesky-api";
import { createFetcher } from "@/lib/server/verify/safe-fetch";
import { createMember } from "@/tests/factories/members";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { createFakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";
import { expectShape, get, patch, post } from "@/tests/integration/api/http";
import { ZMe } from "@/lib/validation/api/member";
import { ZInteractionOfferDecision, ZInteractionOfferList } from "@/lib/validation/api/offers";

// Found for you through /api/v1: the opt-in on /me, the offers, add and dismiss.
const t = useTestDatabase();
const fake = createFakeBluesky();
let srv: Awaited<ReturnType<typeof localServer>>;
const ANA = "did:plc:ana2ana2ana2ana2ana2ana2";
const GRACE = "did:plc:grace3grace3grace3grace3";
const LEE = "did:plc:lee5lee5lee5lee5lee5lee5l";
const now = new Date();

beforeAll(async () => {
  srv = await localServer((q, r) => fake.handler(q, r));
  fake.addAccount({ handle: "ana.bsky.social", did: ANA });
  fake.addAccount({ handle: "grace.bsky.social", did: GRACE });
  fake.addAccount({ handle: "lee.bsky.social", did: LEE });
});
afterAll(() => srv.close());

describe("Found for you in the API", () => {
  it("findInteractions on /me; GET lists the offers by member; add logs them once; dismiss; a repeat decides nothing", async () => {
    const ana = await createMember({ handle: "ana_oapi", name: "Ana Ruiz" });
    const grace = await createMember({ handle: "grace_oapi", name: "Grace Kim" });
    const lee = await createMember({ handle: "lee_oapi", name: "Lee Park" });
    for (const [m, did, handle] of [[ana, ANA, "ana"], [grace, GRACE, "grace"], [lee, LEE, "lee"]] as const) {
      await t.db.linkedAccount.create({ data: { memberId: m.id, network: "bluesky", handle: `${handle}.bsky.social`, externalId: did, code: "rapport-x", verifiedAt: now } });
    }
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now })).token;

    expect(expectShape(ZMe, (await get("/api/v1/me", { token })).body).findInteractions).toBe(false);
    const bad = await patch("/api/v1/me", { findInteractions: "yes" }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["findInteractions"]);
    const on = await patch("/api/v1/me", { findInteractions: true }, { token });
    expect(expectShape(ZMe, on.body).findInteractions).toBe(true);

    const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    fake.addReply({ authorDid: ANA, parentDid: GRACE, rkey: "3lbapi1", createdAt: day(1) });
    fake.addReply({ authorDid: ANA, parentDid: GRACE, rkey: "3lbapi2", createdAt: day(2) });
    fake.addReply({ authorDid: ANA, parentDid: LEE, rkey: "3lbapi3", createdAt: day(3) });
    const config = { enabled: true, blueskyApi: srv.url, githubApi: "https://api.github.com", githubToken: null };
    await findInteractionOffers(t.db, { memberId: ana.id, now, deps: { config, bluesky: blueskyApi(createFetcher({ minIntervalMs: 0 }), config) } });

    const list = expectShape(ZInteractionOfferList, (await get("/api/v1/interaction-offers", { token })).body);
    expect(list.items.map((g) => [g.member.handle, g.network, g.offers.map((o) => o.kind)])).toEqual([
      ["grace_oapi", "bluesky", ["reply", "reply"]],
      ["lee_oapi", "bluesky", ["reply"]],
    ]);

    // naming the offers: an empty list is refused, naming the field, and nothing is decided
    const empty = await post("/api/v1/interaction-offers/grace_oapi/add", { offers: [] }, { token });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(["offers"]);
    const graceOffers = list.items[0].offers;
    const one = expectShape(ZInteractionOfferDecision, (await post("/api/v1/interaction-offers/grace_oapi/dismiss", { offers: [graceOffers[1].id] }, { token })).body);
    expect(one).toEqual({ decided: 1, logged: [] });
    await t.db.interactionOffer.update({ where: { id: graceOffers[1].id }, data: { state: "open", decidedAt: null } });

    const added = await post("/api/v1/interaction-offers/grace_oapi/add", undefined, { token });
    expect(added.status).toBe(200);
    const out = expectShape(ZInteractionOfferDecision, added.body);
    expect(out.decided).toBe(2);
    expect(out.logged.map((l) => [l.target.handle, l.platform, l.kind, l.status, l.evidenceUrl])).toEqual([
      ["grace_oapi", "bluesky", "reply", "pending", "https://bsky.app/profile/ana.bsky.social/post/3lbapi2"],
      ["grace_oapi", "bluesky", "reply", "pending", "https://bsky.app/profile/ana.bsky.social/post/3lbapi1"],
    ]);
    const again = await post("/api/v1/interaction-offers/@Grace_OAPI/add", undefined, { token });
    expect(again.body).toEqual({ decided: 0, logged: [] });
    expect(await t.db.loggedInteraction.count({ where: { actorId: ana.id } })).toBe(2);

    const dismissed = await post("/api/v1/interaction-offers/lee_oapi/dismiss", undefined, { token });
    expect(dismissed.body).toEqual({ decided: 1, logged: [] });
    expect((await get("/api/v1/interaction-offers", { token })).body).toEqual({ items: [] });
    expect((await post("/api/v1/interaction-offers/nobody_here/add", undefined, { token })).status).toBe(404);
  });
});
