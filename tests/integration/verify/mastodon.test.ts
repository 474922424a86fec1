import { readFileSync } from "node:fs";
import type http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { decideLogged } from "@/lib/server/services/interactions/decide-logged";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { linkMastodon } from "@/lib/server/services/verify/link-mastodon";
import { mastodonApi } from "@/lib/server/verify/mastodon-api";
import { FetchRefused, ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { createMember } from "@/tests/factories/members";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import type { TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";

// A fake Mastodon instance answering with the committed fixtures (tests/fixtures/mastodon).
// Member-supplied hosts go through the fetcher's strict path: the injected resolver gives each
// name its addresses, and — test only — testOnlyDial carries the checked connection to the fake.
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/mastodon/${name}`, "utf8"));
const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const HOST = "social.example";
const ANA = `https://${HOST}/@ana`;
const GRACE = `https://${HOST}/@grace`;
const ADDRESSES: Record<string, string[]> = {
  "social.example": ["93.184.216.34"],
  "loop.example": ["127.0.0.1"],
  "ten.example": ["93.184.216.34", "10.1.2.3"],
  "six.example": ["::1"],
};

type Fake = {
  accounts: Map<string, Record<string, unknown>>;
  statuses: Map<string, Record<string, unknown>>;
  requests: { host: string; path: string; at: number }[];
  limited: { times: number; retryAfter: number };
  special: Map<string, (res: http.ServerResponse) => void>;
};
const fake: Fake = { accounts: new Map(), statuses: new Map(), requests: [], limited: { times: 0, retryAfter: 0 }, special: new Map() };
let srv: Awaited<ReturnType<typeof localServer>>;
const config: VerifyConfig = { enabled: true, blueskyApi: "https://public.api.bsky.app", githubApi: "https://api.github.com", githubToken: null };

function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  const u = new URL(req.url ?? "/", "http://x");
  fake.requests.push({ host: String(req.headers.host), path: `${u.pathname}${u.search}`, at: Date.now() });
  const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const special = fake.special.get(u.pathname);
  if (special) return special(res);
  if (fake.limited.times > 0) {
    fake.limited.times--;
    return res.writeHead(429, { "retry-after": String(fake.limited.retryAfter) }).end();
  }
  if (u.pathname === "/api/v1/accounts/lookup") {
    const a = fake.accounts.get(u.searchParams.get("acct") ?? "");
    return a ? json(200, a) : json(404, fixture("error-404.json"));
  }
  const m = /^\/api\/v1\/statuses\/(\d+)$/.exec(u.pathname);
  if (m) {
    const s = fake.statuses.get(m[1]);
    return s ? json(200, s) : json(404, fixture("error-404.json"));
  }
  json(404, fixture("error-404.json"));
}

beforeAll(async () => {
  srv = await localServer(handler);
});
afterAll(() => srv.close());

const fetcher = (o: Parameters<typeof createFetcher>[0] = {}) =>
  createFetcher({
    minIntervalMs: 0,
    resolve: async (h) => {
      const a = ADDRESSES[h];
      if (!a) throw new Error("ENOTFOUND");
      return a;
    },
    testOnlyDial: () => ({ host: "127.0.0.1", port: srv.port }),
    ...o,
  });
const deps = (o: Parameters<typeof createFetcher>[0] = {}) => ({ config, mastodon: mastodonApi(fetcher(o)) });
const linkDeps = () => ({ ...deps(), rapportProfileUrl: (h: string) => `https://rapport.test/u/${h}` });

function account(username: string, fields: { name: string; value: string }[] = []) {
  const a = fixture("account-lookup.json");
  return { ...a, username, acct: username, url: `https://${HOST}/@${username}`, uri: `https://${HOST}/users/${username}`, fields: fields.map((f) => ({ ...f, verified_at: null })) };
}
const backLink = (href: string) => ({ name: "Rapport", value: `<a href="${href}" rel="nofollow noopener noreferrer me" target="_blank"><span class="invisible">https://</span>${href.slice(8)}</a>` });

function addReply({ id, author, parentAuthor = "grace", mentions = [] as string[], createdAt = "2026-11-20T15:04:05.000Z" }: { id: string; author: string; parentAuthor?: string | null; mentions?: string[]; createdAt?: string }) {
  const parentId = `${id}0`;
  if (parentAuthor) {
    const p = fixture("status-parent.json");
    fake.statuses.set(parentId, { ...p, id: parentId, account: { ...p.account, username: parentAuthor, acct: parentAuthor, url: `https://${HOST}/@${parentAuthor}` } });
  }
  const s = fixture("status-reply.json");
  fake.statuses.set(id, {
    ...s,
    id,
    created_at: createdAt,
    in_reply_to_id: parentAuthor ? parentId : null,
    in_reply_to_account_id: parentAuthor ? "109302436954722000" : null,
    url: `https://${HOST}/@${author}/${id}`,
    account: { ...s.account, username: author, acct: author, url: `https://${HOST}/@${author}` },
    mentions: mentions.map((m) => ({ id: "1", username: m, acct: m, url: `https://${HOST}/@${m}` })),
  });
  return `https://${HOST}/@${author}/${id}`;
}

async function setup({ anaVerified = true, graceVerified = true } = {}) {
  const ana = await createMember({ handle: "ana_m", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_m", name: "Grace Kim" });
  const link = (memberId: string, handle: string, url: string, verified: boolean) =>
    t.db.linkedAccount.create({ data: { memberId, network: "mastodon", handle, externalId: url, code: "https://rapport.test/u/x", verifiedAt: verified ? now : null } });
  await link(ana.id, "@ana@social.example", ANA, anaVerified);
  await link(grace.id, "@grace@social.example", GRACE, graceVerified);
  return { ana, grace };
}

async function logReply(actorId: string, url: string, occurredOn = "2026-11-20") {
  const input = { targetHandle: "grace_m", platform: "mastodon", kind: "reply", occurredOn, evidenceUrl: url } as TLoggedInteractionCreateInput;
  return logInteraction(t.db, { actorId, input, now });
}
const row = (id: string) => t.db.loggedInteraction.findUniqueOrThrow({ where: { id } });

beforeEach(async () => {
  await t.reset();
  fake.accounts.clear();
  fake.statuses.clear();
  fake.special.clear();
  fake.requests.length = 0;
  fake.limited = { times: 0, retryAfter: 0 };
});

describe("Mastodon evidence checked by Rapport", () => {
  it("a matching reply verifies and counts at once; the instance was asked through the strict path", async () => {
    const { ana, grace } = await setup();
    const url = addReply({ id: "1135001", author: "ana" });
    const logged = await logReply(ana.id, url);
    expect(logged.checkState).toBe("queued");
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");
    expect(await row(logged.id)).toMatchObject({ status: "verified", verifiedBy: "mastodon", checkState: "matched", checkReason: null });
    expect((await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } })).verification).toBe("verified");
    await expect(decideLogged(t.db, { targetId: grace.id, input: { id: logged.id, decision: "confirm" }, now })).rejects.toMatchObject({ code: "not_found" });
    expect(fake.requests.map((r) => `${r.host}${r.path}`)).toEqual([`${HOST}/api/v1/statuses/1135001`, `${HOST}/api/v1/statuses/11350010`]);
  });

  it("the /users/<user>/statuses/<id> form and a mention (no reply) verify too", async () => {
    const { ana } = await setup();
    addReply({ id: "1135002", author: "ana", parentAuthor: null, mentions: ["grace"] });
    const logged = await logReply(ana.id, `https://${HOST}/users/ana/statuses/1135002`);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");
  });

  it.each([
    ["wrong author", { author: "mallory" }, "2026-11-20", /written by @mallory, not by your verified Mastodon account/],
    ["wrong target", { author: "ana", parentAuthor: "mallory", mentions: ["mallory"] }, "2026-11-20", /neither replies to nor mentions Grace's verified Mastodon account/],
    ["date mismatch", { author: "ana" }, "2026-11-19", /dated 2026-11-20 \(UTC\), not 2026-11-19 as logged/],
  ])("%s: stays pending with the reason for the one who logged it", async (_n, who, occurredOn, reason) => {
    const { ana } = await setup();
    const url = addReply({ id: "1135003", ...who });
    const logged = await logReply(ana.id, url, occurredOn);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    const after = await row(logged.id);
    expect(after.status).toBe("pending");
    expect(after.checkReason).toMatch(reason);
  });

  it("a status on another instance than the actor's is not read: that server cannot speak for the actor's account", async () => {
    const { ana } = await setup();
    addReply({ id: "1135011", author: "ana" });
    const logged = await logReply(ana.id, "https://forger.example/@ana/1135011");
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(logged.id)).checkReason).toMatch(/on forger\.example, but your verified Mastodon account lives on social\.example/);
    expect(fake.requests).toHaveLength(0);
  });

  it("a deleted status (404) stays pending", async () => {
    const { ana } = await setup();
    const logged = await logReply(ana.id, `${ANA}/1135999`);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(logged.id)).checkReason).toMatch(/post is gone/);
  });

  it("an unverified account on either side stays pending without fetching anything", async () => {
    const { ana } = await setup({ anaVerified: false });
    const url = addReply({ id: "1135004", author: "ana" });
    const l1 = await logReply(ana.id, url);
    expect(await verifyEvidence(t.db, { loggedId: l1.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(l1.id)).checkReason).toMatch(/Your Mastodon account is not verified yet/);
    await t.reset();
    const s = await setup({ graceVerified: false });
    const l2 = await logReply(s.ana.id, url);
    expect(await verifyEvidence(t.db, { loggedId: l2.id, now, deps: deps() })).toBe("mismatch");
    expect((await row(l2.id)).checkReason).toMatch(/Grace has no verified Mastodon account/);
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ["loop.example", /resolves to a private or reserved address \(127\.0\.0\.1\)/],
    ["ten.example", /resolves to a private or reserved address \(10\.1\.2\.3\)/],
    ["six.example", /resolves to a private or reserved address \(::1\)/],
  ])("an instance at %s is refused with the reason, never contacted", async (host, reason) => {
    const { ana } = await setup();
    // (the actor's account lives there: evidence is only read from the actor's own instance)
    await t.db.linkedAccount.updateMany({ where: { memberId: ana.id }, data: { externalId: `https://${host}/@ana` } });
    const logged = await logReply(ana.id, `https://${host}/@ana/1135005`);
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("refused");
    const after = await row(logged.id);
    expect(after).toMatchObject({ status: "pending", checkState: "refused" });
    expect(after.checkReason).toMatch(reason);
    expect(fake.requests).toHaveLength(0);
  });

  it("a redirect to another host and a huge body are refused with the reason", async () => {
    const { ana } = await setup();
    fake.special.set("/api/v1/statuses/1135006", (res) => res.writeHead(302, { location: "https://elsewhere.example/api/v1/statuses/1" }).end());
    fake.special.set("/api/v1/statuses/1135007", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => {});
      pump();
    });
    const l1 = await logReply(ana.id, `${ANA}/1135006`);
    expect(await verifyEvidence(t.db, { loggedId: l1.id, now, deps: deps() })).toBe("refused");
    expect((await row(l1.id)).checkReason).toMatch(/a redirect to another host \(elsewhere\.example\)/);
    const l2 = await logReply(ana.id, `${ANA}/1135007`);
    expect(await verifyEvidence(t.db, { loggedId: l2.id, now, deps: deps() })).toBe("refused");
    expect((await row(l2.id)).checkReason).toMatch(/larger than 1048576 bytes/);
  });

  it("a non-HTTPS link is neither queued nor fetched; the fetcher refuses http:// for a member-supplied host", async () => {
    const { ana } = await setup();
    const logged = await logReply(ana.id, `http://${HOST}/@ana/1135008`);
    expect(logged.checkState).toBe("none");
    await expect(fetcher().fetch({ provider: `mastodon:${HOST}`, url: `http://${HOST}/api/v1/statuses/1`, trust: "public" })).rejects.toBeInstanceOf(FetchRefused);
    expect(fake.requests).toHaveLength(0);
  });

  it("429 with a long Retry-After: nothing written, retried later; a short one is waited out in the same check", async () => {
    const { ana } = await setup();
    const url = addReply({ id: "1135009", author: "ana" });
    const logged = await logReply(ana.id, url);
    fake.limited = { times: 1, retryAfter: 120 };
    await expect(verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).rejects.toBeInstanceOf(ProviderFault);
    expect(await row(logged.id)).toMatchObject({ status: "pending", checkState: "queued", checkReason: null });
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");

    await t.reset();
    const s = await setup();
    const l2 = await logReply(s.ana.id, url);
    fake.requests.length = 0;
    fake.limited = { times: 1, retryAfter: 1 };
    expect(await verifyEvidence(t.db, { loggedId: l2.id, now, deps: deps() })).toBe("matched");
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(950);
  });
});

describe("linking a Mastodon account", () => {
  it("stores it unverified with the back-link to add, verifies once a profile field links to the Rapport profile, and re-queues what waited", async () => {
    const ana = await createMember({ handle: "ana_m", name: "Ana Ruiz" });
    const grace = await createMember({ handle: "grace_m", name: "Grace Kim" });
    await t.db.linkedAccount.create({ data: { memberId: grace.id, network: "mastodon", handle: "@grace@social.example", externalId: GRACE, code: "c", verifiedAt: now } });
    const url = addReply({ id: "1135010", author: "ana" });
    const logged = await logReply(ana.id, url);
    await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() });
    expect((await row(logged.id)).checkState).toBe("mismatch");

    fake.accounts.set("ana", account("ana", [{ name: "Web", value: '<a href="https://ana.example">ana.example</a>' }]));
    const started = await linkMastodon(t.db, { memberId: ana.id, handle: "@ana@Social.Example", now, deps: linkDeps() });
    expect(started).toEqual({ network: "mastodon", handle: "@ana@social.example", profileUrl: ANA, verified: false, verifiedAt: null, backLink: "https://rapport.test/u/ana_m" });
    expect((await row(logged.id)).checkState).toBe("mismatch");

    fake.accounts.set("ana", fixture("account-lookup.json"));
    const done = await linkMastodon(t.db, { memberId: ana.id, handle: "ana@social.example", now, deps: linkDeps() });
    expect(done).toMatchObject({ verified: true, backLink: null, profileUrl: ANA });
    expect(await t.db.linkedAccount.findFirstOrThrow({ where: { memberId: ana.id } })).toMatchObject({ externalId: ANA, verifiedAt: now });
    expect((await row(logged.id)).checkState).toBe("queued");
    expect(await verifyEvidence(t.db, { loggedId: logged.id, now, deps: deps() })).toBe("matched");

    // Found for you's open offers rest on the verified account: checking it again keeps them;
    // moving the link to another account (unverified until its back-link shows) forgets them.
    await t.db.interactionOffer.create({ data: { actorId: ana.id, targetId: grace.id, network: "mastodon", postUri: "s1", postUrl: `${ANA}/1135011`, kind: "reply", occurredAt: now } });
    await linkMastodon(t.db, { memberId: ana.id, handle: "@ana@social.example", now, deps: linkDeps() });
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(1);
    // the same account typed with capitals (Mastodon looks it up case-insensitively): still hers, offers kept
    fake.accounts.set("Ana", fixture("account-lookup.json"));
    expect(await linkMastodon(t.db, { memberId: ana.id, handle: "@Ana@social.example", now, deps: linkDeps() })).toMatchObject({ verified: true, profileUrl: ANA });
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(1);
    fake.accounts.set("ana2", account("ana2"));
    expect(await linkMastodon(t.db, { memberId: ana.id, handle: "@ana2@social.example", now, deps: linkDeps() })).toMatchObject({ verified: false });
    expect(await t.db.interactionOffer.count()).toBe(0);
  });

  it("refuses bad input, an unknown account, a private instance, and an account another member verified", async () => {
    const ana = await createMember({ handle: "ana_m" });
    const grace = await createMember({ handle: "grace_m" });
    const fieldOf = (e: unknown) => (e as { fields: Record<string, string[]> }).fields["linkedAccounts.mastodon"][0];
    expect(fieldOf(await linkMastodon(t.db, { memberId: ana.id, handle: "ana", now, deps: linkDeps() }).catch((e) => e))).toMatch(/like @grace@mastodon\.social/);
    expect(fieldOf(await linkMastodon(t.db, { memberId: ana.id, handle: "@nobody@social.example", now, deps: linkDeps() }).catch((e) => e))).toMatch(/has no account/);
    expect(fieldOf(await linkMastodon(t.db, { memberId: ana.id, handle: "@ana@loop.example", now, deps: linkDeps() }).catch((e) => e))).toMatch(/will not contact loop\.example: .*127\.0\.0\.1/);
    fake.accounts.set("grace", account("grace", [backLink("https://rapport.test/u/grace_m"), backLink("https://rapport.test/u/ana_m")]));
    expect(await linkMastodon(t.db, { memberId: grace.id, handle: "@grace@social.example", now, deps: linkDeps() })).toMatchObject({ verified: true });
    expect(fieldOf(await linkMastodon(t.db, { memberId: ana.id, handle: "@grace@social.example", now, deps: linkDeps() }).catch((e) => e))).toBe(
      "That Mastodon account is already linked to another Rapport member.",
    );
    expect(await t.db.linkedAccount.count({ where: { externalId: GRACE, verifiedAt: { not: null } } })).toBe(1);
  });

  it("says the instance cannot be reached when it is down, without writing", async () => {
    const ana = await createMember({ handle: "ana_m" });
    fake.special.set("/api/v1/accounts/lookup", (res) => res.writeHead(502).end());
    await expect(linkMastodon(t.db, { memberId: ana.id, handle: "@ana@social.example", now, deps: linkDeps() })).rejects.toMatchObject({ code: "unavailable" });
    expect(await t.db.linkedAccount.count()).toBe(0);
  });
});
