import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/server/services/tokens/create-token";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { createMember } from "@/tests/factories/members";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import { createFakeBluesky } from "@/tests/e2e/support/fake-bluesky.mjs";
import { expectShape, get, patch } from "@/tests/integration/api/http";
import { ZMe } from "@/lib/validation/api/member";
import { ZLoggedInteraction } from "@/lib/validation/api/interaction";
import type { TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";

// PATCH/GET /api/v1/me with linked accounts, against the fake AppView (RAPPORT_BLUESKY_API)
// and a fake GitHub API (RAPPORT_GITHUB_API) answering with the committed fixtures.
const t = useTestDatabase();
const fake = createFakeBluesky();
let srv: Awaited<ReturnType<typeof localServer>>;
let gh: Awaited<ReturnType<typeof localServer>>;
const DID = "did:plc:ana2ana2ana2ana2ana2ana2";
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/github/${name}`, "utf8"));
const ghRoutes = new Map<string, unknown>();
/** Set by a test: called while GitHub is being asked, before it answers. */
let duringGitHub: (() => Promise<void>) | null = null;

/**
 * Whether a write's transaction is open while this runs. On PostgreSQL, a connection idle in a
 * transaction on this database; on PGlite (one connection, transactions run alone), a query
 * that cannot run within a second and a half.
 */
async function transactionOpen(): Promise<boolean> {
  if (t.kind === "postgres") {
    const [{ n }] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    return n > 0;
  }
  const waited = new Promise<"waited">((r) => setTimeout(() => r("waited"), 1500));
  return (await Promise.race([t.db.$queryRaw`SELECT 1`.then(() => "ran" as const), waited])) === "waited";
}

beforeAll(async () => {
  srv = await localServer((q, r) => fake.handler(q, r));
  gh = await localServer(async (q, r) => {
    await duringGitHub?.();
    const body = ghRoutes.get(new URL(q.url ?? "/", "http://x").pathname.toLowerCase());
    r.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? fixture("error-404.json")));
  });
  process.env.RAPPORT_BLUESKY_API = srv.url;
  process.env.RAPPORT_GITHUB_API = gh.url;
  fake.addAccount({ handle: "ana.bsky.social", did: DID });
});
afterAll(async () => {
  delete process.env.RAPPORT_BLUESKY_API;
  delete process.env.RAPPORT_GITHUB_API;
  await srv.close();
  await gh.close();
});

describe("linked accounts in the API", () => {
  it("links a Bluesky account in two PATCHes, shows it in GET /me, and unlinks it", async () => {
    const ana = await createMember({ handle: "ana_api" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;

    const started = await patch("/api/v1/me", { linkedAccounts: { bluesky: "@ana.bsky.social" } }, { token });
    expect(started.status).toBe(200);
    const me = expectShape(ZMe, started.body);
    expect(me.linkedAccounts).toEqual([{ network: "bluesky", handle: "ana.bsky.social", did: DID, githubId: null, profileUrl: null, verified: false, verifiedAt: null, code: expect.stringMatching(/^rapport-/) }]);

    const early = await patch("/api/v1/me", { linkedAccounts: { bluesky: "ana.bsky.social" } }, { token });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: "linkedAccounts.bluesky", message: expect.stringMatching(/couldn't find rapport-/) }]);

    fake.setDescription(DID, `hi ${me.linkedAccounts[0].code}`);
    const done = await patch("/api/v1/me", { linkedAccounts: { bluesky: "ana.bsky.social" } }, { token });
    expect(done.status).toBe(200);
    expect(expectShape(ZMe, done.body).linkedAccounts[0]).toMatchObject({ verified: true, code: null });
    expect((await get("/api/v1/me", { token })).body.linkedAccounts[0].verified).toBe(true);

    const bad = await patch("/api/v1/me", { linkedAccounts: { bluesky: 42 } }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["linkedAccounts.bluesky"]);

    const gone = await patch("/api/v1/me", { linkedAccounts: { bluesky: null } }, { token });
    expect(gone.body.linkedAccounts).toEqual([]);
  });

  it("Mastodon in PATCH /me: a malformed address and an instance on a loopback address are refused naming the field; null unlinks", async () => {
    const ana = await createMember({ handle: "ana_api3" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    const bad = await patch("/api/v1/me", { linkedAccounts: { mastodon: "ana" } }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: "linkedAccounts.mastodon", message: expect.stringMatching(/like @grace@mastodon\.social/) }]);
    // the production fetcher, real DNS: a host that resolves to no public address is never contacted
    const local = await patch("/api/v1/me", { linkedAccounts: { mastodon: "@ana@localhost.localdomain" } }, { token });
    expect(local.status).toBe(400);
    expect(local.body.errors[0]).toMatchObject({ field: "linkedAccounts.mastodon" });
    await t.db.linkedAccount.create({ data: { memberId: ana.id, network: "mastodon", handle: "@ana@social.example", externalId: "https://social.example/@ana", code: "c", verifiedAt: new Date() } });
    const me = expectShape(ZMe, (await get("/api/v1/me", { token })).body);
    expect(me.linkedAccounts).toEqual([{ network: "mastodon", handle: "@ana@social.example", did: null, githubId: null, profileUrl: "https://social.example/@ana", verified: true, verifiedAt: expect.any(String), code: null }]);
    const gone = await patch("/api/v1/me", { linkedAccounts: { mastodon: null } }, { token });
    expect(gone.body.linkedAccounts).toEqual([]);
  });

  it("GitHub in PATCH /me: a login gives a code, a gist holding it verifies, the sign-in shortcut and bad bodies are refused naming the field; null unlinks", async () => {
    const ana = await createMember({ handle: "ana_api4" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    const user = { ...fixture("user.json"), id: 4242, login: "Ana-Api" };
    ghRoutes.set("/users/ana-api", user);

    const started = await patch("/api/v1/me", { linkedAccounts: { github: { login: "@ana-api" } } }, { token });
    expect(started.status).toBe(200);
    const account = expectShape(ZMe, started.body).linkedAccounts[0];
    expect(account).toEqual({ network: "github", handle: "Ana-Api", did: null, githubId: "4242", profileUrl: "https://github.com/Ana-Api", verified: false, verifiedAt: null, code: expect.stringMatching(/^rapport-/) });

    const gistPath = "/gists/aa5a315d61ae9438b18d";
    ghRoutes.set(gistPath, { ...fixture("gist.json"), owner: user, files: { "proof.txt": { filename: "proof.txt", content: "nothing here", truncated: false } } });
    const early = await patch("/api/v1/me", { linkedAccounts: { github: { gistUrl: "https://gist.github.com/Ana-Api/aa5a315d61ae9438b18d" } } }, { token });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: "linkedAccounts.github", message: expect.stringMatching(/couldn't find rapport-.* in that gist/) }]);

    ghRoutes.set(gistPath, { ...fixture("gist.json"), owner: user, files: { "proof.txt": { filename: "proof.txt", content: account.code, truncated: false } } });
    const done = await patch("/api/v1/me", { linkedAccounts: { github: { gistUrl: "https://gist.github.com/Ana-Api/aa5a315d61ae9438b18d" } } }, { token });
    expect(done.status).toBe(200);
    expect(expectShape(ZMe, done.body).linkedAccounts[0]).toMatchObject({ network: "github", verified: true, code: null, githubId: "4242" });

    for (const body of [{ github: { login: "a", gistUrl: "b" } }, { github: "ana-api" }, { github: { useSignIn: false } }]) {
      const bad = await patch("/api/v1/me", { linkedAccounts: body }, { token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["linkedAccounts.github"]);
    }
    const noSignIn = await patch("/api/v1/me", { linkedAccounts: { github: { useSignIn: true } } }, { token });
    expect(noSignIn.status).toBe(400);
    expect(noSignIn.body.errors).toEqual([{ field: "linkedAccounts.github", message: expect.stringMatching(/not signed in to Rapport with GitHub/) }]);

    const gone = await patch("/api/v1/me", { linkedAccounts: { github: null } }, { token });
    expect(gone.body.linkedAccounts).toEqual([]);
  });

  it("PATCH /me answers with what it stored: a link started, profile fields and the opt-in in one request; GET /me reads the same", async () => {
    const ana = await createMember({ handle: "ana_api5", headline: "Before" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    ghRoutes.set("/users/ana-five", { ...fixture("user.json"), id: 5005, login: "Ana-Five" });

    const res = await patch("/api/v1/me", { headline: "Postgres and Rust", location: "Porto", findInteractions: true, linkedAccounts: { github: { login: "ana-five" } } }, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const me = expectShape(ZMe, res.body);
    const stored = await t.db.linkedAccount.findUniqueOrThrow({ where: { memberId_network: { memberId: ana.id, network: "github" } } });
    expect(me).toMatchObject({ headline: "Postgres and Rust", location: "Porto", findInteractions: true });
    expect(me.linkedAccounts).toEqual([{ network: "github", handle: "Ana-Five", did: null, githubId: "5005", profileUrl: "https://github.com/Ana-Five", verified: false, verifiedAt: null, code: stored.code }]);
    expect((await get("/api/v1/me", { token })).body).toEqual(res.body);
  });

  it("a link refused stores nothing of the request — not the other link, the profile or the opt-in — and the error names its field", async () => {
    const ana = await createMember({ handle: "ana_api6", headline: "Before" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    const unchanged = async () => {
      expect(await t.db.linkedAccount.findMany({ where: { memberId: ana.id } })).toEqual([]);
      expect(await t.db.member.findUniqueOrThrow({ where: { id: ana.id }, select: { headline: true, findInteractions: true } })).toEqual({ headline: "Before", findInteractions: false });
    };

    // refused by the network: Bluesky would have started, GitHub has no such account
    const noSuch = await patch("/api/v1/me", { headline: "After", findInteractions: true, linkedAccounts: { bluesky: "ana.bsky.social", github: { login: "nobody-here" } } }, { token });
    expect(noSuch.status).toBe(400);
    expect(noSuch.body.errors).toEqual([{ field: "linkedAccounts.github", message: "There is no GitHub account @nobody-here." }]);
    await unchanged();

    // refused in the write's transaction, after the Bluesky link was stored in it: the GitHub
    // account Ana signs in with was verified by another member first
    const grace = await createMember({ handle: "grace_api6" });
    await t.db.linkedAccount.create({ data: { memberId: grace.id, network: "github", handle: "Ana-Six", externalId: "6006", code: "rapport-x", verifiedAt: new Date() } });
    await t.db.oauthAccount.create({ data: { memberId: ana.id, provider: "github", providerAccountId: "6006" } });
    ghRoutes.set("/user/6006", { ...fixture("user.json"), id: 6006, login: "Ana-Six" });
    const taken = await patch("/api/v1/me", { headline: "After", findInteractions: true, linkedAccounts: { bluesky: "ana.bsky.social", github: { useSignIn: true } } }, { token });
    expect(taken.status).toBe(400);
    expect(taken.body.errors).toEqual([{ field: "linkedAccounts.github", message: "That GitHub account is already linked to another Rapport member." }]);
    await unchanged();
  });

  it("asks the networks while no transaction is open (a slow GitHub holds no connection)", async () => {
    const ana = await createMember({ handle: "ana_api7" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    ghRoutes.set("/users/ana-seven", { ...fixture("user.json"), id: 7007, login: "Ana-Seven" });
    const seen: boolean[] = [];
    duringGitHub = async () => void seen.push(await transactionOpen());
    try {
      const res = await patch("/api/v1/me", { headline: "Seven", linkedAccounts: { github: { login: "ana-seven" } } }, { token });
      expect(res.status).toBe(200);
    } finally {
      duringGitHub = null;
    }
    expect(seen).toEqual([false]);
  });

  it("a retry with the same Idempotency-Key gets the first answer (the code handed out), not a check of that code", async () => {
    const ana = await createMember({ handle: "ana_api8" });
    const token = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now: new Date() })).token;
    const headers = { "Idempotency-Key": crypto.randomUUID() };
    const first = await patch("/api/v1/me", { linkedAccounts: { bluesky: "ana.bsky.social" } }, { token, headers });
    expect(first.status).toBe(200);
    const again = await patch("/api/v1/me", { linkedAccounts: { bluesky: "ana.bsky.social" } }, { token, headers });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect((await t.db.linkedAccount.findFirstOrThrow({ where: { memberId: ana.id } })).code).toBe(first.body.linkedAccounts[0].code);
  });

  it("logged interactions carry `verification`; the reason of a mismatch only for the one who logged it", async () => {
    const ana = await createMember({ handle: "ana_api2" });
    const grace = await createMember({ handle: "grace_api2", name: "Grace Kim" });
    const now = new Date();
    const tokenA = (await createToken(t.db, { memberId: ana.id, input: { name: "t" }, now })).token;
    const tokenG = (await createToken(t.db, { memberId: grace.id, input: { name: "t" }, now })).token;
    const input = { targetHandle: "grace_api2", platform: "bluesky", kind: "reply", occurredOn: now.toISOString().slice(0, 10), evidenceUrl: "https://bsky.app/profile/ana.bsky.social/post/3lbx" } as TLoggedInteractionCreateInput;
    const logged = await logInteraction(t.db, { actorId: ana.id, input, now });
    const asActor = expectShape(ZLoggedInteraction, (await get(`/api/v1/interactions?role=actor`, { token: tokenA })).body.items[0]);
    expect(asActor.verification).toEqual({ state: "pending", verifiedBy: null, checking: true, reason: null });
    await t.db.loggedInteraction.update({ where: { id: logged.id }, data: { checkState: "mismatch", checkReason: "The post is gone — deleted, or never there." } });
    expect((await get(`/api/v1/interactions?role=actor`, { token: tokenA })).body.items[0].verification.reason).toMatch(/post is gone/);
    expect((await get(`/api/v1/interactions?role=target`, { token: tokenG })).body.items[0].verification).toEqual({ state: "pending", verifiedBy: null, checking: false, reason: null });
  });
});
