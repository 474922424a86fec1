import { readFileSync } from "node:fs";
import type http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { logInteraction } from "@/lib/server/services/interactions/log-interaction";
import { verifyEvidence } from "@/lib/server/services/verify/verify-evidence";
import { DISCUSSION_NEEDS_TOKEN } from "@/lib/server/services/verify/check-github";
import { linkGitHub } from "@/lib/server/services/verify/link-github";
import { unlinkAccount } from "@/lib/server/services/verify/link-account";
import { gitHubApi } from "@/lib/server/verify/github-api";
import { findProfile } from "@/lib/server/queries/profile";
import { ProviderFault, createFetcher } from "@/lib/server/verify/safe-fetch";
import type { VerifyConfig } from "@/lib/server/verify/config";
import { createMember } from "@/tests/factories/members";
import { localServer } from "@/tests/support/local-server";
import { useTestDatabase } from "@/tests/support/test-database";
import type { TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";

// A fake GitHub API answering with the committed fixtures (tests/fixtures/github), adjusted per
// case. The API base is the operator's (RAPPORT_GITHUB_API), so the fake is simply that base.
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/github/${name}`, "utf8"));
const t = useTestDatabase();
const now = new Date("2026-11-21T10:00:00Z");
const ANA = { id: 101, login: "Ana-R" };
const GRACE = { id: 202, login: "grace-k" };
const MALLORY = { id: 303, login: "mallory" };

type Req = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; at: number };
const fake = {
  routes: new Map<string, unknown>(),
  requests: [] as Req[],
  limited: { times: 0, status: 429, headers: {} as Record<string, string> },
  graphql: null as unknown,
};
let srv: Awaited<ReturnType<typeof localServer>>;
let config: VerifyConfig;

function handler(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    const u = new URL(req.url ?? "/", "http://x");
    fake.requests.push({ method: req.method ?? "", path: u.pathname, headers: req.headers, body, at: Date.now() });
    const json = (status: number, b: unknown) => res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(b));
    if (fake.limited.times > 0) {
      fake.limited.times--;
      return res.writeHead(fake.limited.status, { "content-type": "application/json", ...fake.limited.headers }).end(JSON.stringify({ message: "API rate limit exceeded" }));
    }
    if (req.method === "POST" && u.pathname === "/graphql") return json(200, fake.graphql ?? fixture("graphql-not-found.json"));
    // logins are case-insensitive on GitHub
    const hit = fake.routes.get(u.pathname.startsWith("/users/") ? u.pathname.toLowerCase() : u.pathname);
    return hit ? json(200, hit) : json(404, fixture("error-404.json"));
  });
}

beforeAll(async () => {
  srv = await localServer(handler);
  config = { enabled: true, blueskyApi: "https://public.api.bsky.app", githubApi: srv.url, githubToken: null };
});
afterAll(() => srv.close());

const deps = (o: { token?: string } = {}) => {
  const c = { ...config, githubToken: o.token ?? null };
  return { config: c, github: gitHubApi(createFetcher({ minIntervalMs: 0 }), c) };
};

const userOf = (u: { id: number; login: string }) => ({ ...fixture("user.json"), id: u.id, login: u.login, url: `https://api.github.com/users/${u.login}` });
function addUser(u: { id: number; login: string }) {
  fake.routes.set(`/users/${u.login.toLowerCase()}`, userOf(u));
  fake.routes.set(`/user/${u.id}`, userOf(u));
}

/** An issue (or pull request) on octo/site opened by `opener`, and a comment on it; returns the comment's link. */
function addIssueComment({ id, author, opener = GRACE, body = "Thanks, this fixed it for me.", createdAt = "2026-11-20T15:04:05Z", number = 7, repo = "octo/site", kind = "issues" as "issues" | "pull" }: {
  id: string;
  author: { id: number; login: string };
  opener?: { id: number; login: string };
  body?: string;
  createdAt?: string;
  number?: number;
  repo?: string;
  kind?: "issues" | "pull";
}) {
  const issue = fixture("issue.json");
  fake.routes.set(`/repos/${repo}/issues/${number}`, { ...issue, number, html_url: `https://github.com/${repo}/${kind}/${number}`, user: userOf(opener) });
  const c = fixture("issue-comment.json");
  fake.routes.set(`/repos/${repo}/issues/comments/${id}`, {
    ...c,
    id: Number(id),
    body,
    created_at: createdAt,
    user: userOf(author),
    html_url: `https://github.com/${repo}/${kind}/${number}#issuecomment-${id}`,
    issue_url: `https://api.github.com/repos/${repo}/issues/${number}`,
  });
  return `https://github.com/${repo}/${kind}/${number}#issuecomment-${id}`;
}

async function setup({ anaVerified = true, graceVerified = true } = {}) {
  const ana = await createMember({ handle: "ana_m", name: "Ana Ruiz" });
  const grace = await createMember({ handle: "grace_m", name: "Grace Kim" });
  const link = (memberId: string, u: { id: number; login: string }, verified: boolean) =>
    t.db.linkedAccount.create({ data: { memberId, network: "github", handle: u.login, externalId: String(u.id), code: "rapport-x", verifiedAt: verified ? now : null } });
  await link(ana.id, ANA, anaVerified);
  await link(grace.id, GRACE, graceVerified);
  return { ana, grace };
}

async function logComment(actorId: string, url: string, occurredOn = "2026-11-20") {
  const input = { targetHandle: "grace_m", platform: "github", kind: "comment", occurredOn, evidenceUrl: url } as TLoggedInteractionCreateInput;
  return logInteraction(t.db, { actorId, input, now });
}
const row = (id: string) => t.db.loggedInteraction.findUniqueOrThrow({ where: { id } });
const check = (id: string, o: { token?: string } = {}) => verifyEvidence(t.db, { loggedId: id, now, deps: deps(o) });

beforeEach(async () => {
  await t.reset();
  fake.routes.clear();
  fake.requests.length = 0;
  fake.limited = { times: 0, status: 429, headers: {} };
  fake.graphql = null;
});

describe("GitHub evidence checked by Rapport", () => {
  it("a comment on the other member's issue verifies and counts at once; GitHub is asked for the comment, then the issue, with its API headers and no token", async () => {
    const { ana } = await setup();
    const url = addIssueComment({ id: "9001", author: ANA });
    const logged = await logComment(ana.id, url);
    expect(logged.checkState).toBe("queued");
    expect(await check(logged.id)).toBe("matched");
    expect(await row(logged.id)).toMatchObject({ status: "verified", verifiedBy: "github", checkState: "matched", checkReason: null });
    expect((await t.db.interaction.findFirstOrThrow({ where: { loggedId: logged.id } })).verification).toBe("verified");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /repos/octo/site/issues/comments/9001", "GET /repos/octo/site/issues/7"]);
    for (const r of fake.requests) {
      expect(r.headers).toMatchObject({ accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" });
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  it("a comment on a pull request and a mention of the other member's login on someone else's issue verify too", async () => {
    const { ana } = await setup();
    const onPr = addIssueComment({ id: "9002", author: ANA, kind: "pull", number: 8 });
    expect(await check((await logComment(ana.id, onPr)).id)).toBe("matched");
    const mention = addIssueComment({ id: "9003", author: ANA, opener: MALLORY, number: 9, body: "cc @Grace-K — you asked about this" });
    expect(await check((await logComment(ana.id, mention)).id)).toBe("matched");
  });

  it("a pull request review comment (#discussion_r…) verifies against the pull request's author", async () => {
    const { ana } = await setup();
    const pr = fixture("issue.json");
    fake.routes.set("/repos/octo/site/issues/12", { ...pr, number: 12, user: userOf(GRACE) });
    const rc = fixture("pull-request-review-comment.json");
    fake.routes.set("/repos/octo/site/pulls/comments/5501", {
      ...rc,
      id: 5501,
      user: userOf(ANA),
      created_at: "2026-11-20T08:00:00Z",
      html_url: "https://github.com/octo/site/pull/12#discussion_r5501",
      pull_request_url: "https://api.github.com/repos/octo/site/pulls/12",
    });
    const logged = await logComment(ana.id, "https://github.com/octo/site/pull/12#discussion_r5501");
    expect(await check(logged.id)).toBe("matched");
    expect(fake.requests.map((r) => r.path)).toEqual(["/repos/octo/site/pulls/comments/5501", "/repos/octo/site/issues/12"]);
  });

  it.each([
    ["wrong author", { author: MALLORY }, "2026-11-20", /written by @mallory, not by your verified GitHub account/],
    ["wrong target", { author: ANA, opener: MALLORY, body: "@grace-kim thanks" }, "2026-11-20", /neither on Grace's issue or pull request nor mentions Grace's verified GitHub account \(@grace-k\)/],
    ["date mismatch", { author: ANA, createdAt: "2026-11-20T23:59:59Z" }, "2026-11-21", /dated 2026-11-20 \(UTC\), not 2026-11-21 as logged/],
  ])("%s: stays pending with the reason for the one who logged it", async (_n, who, occurredOn, reason) => {
    const { ana } = await setup();
    const url = addIssueComment({ id: "9004", ...who });
    const logged = await logComment(ana.id, url, occurredOn);
    expect(await check(logged.id)).toBe("mismatch");
    const after = await row(logged.id);
    expect(after.status).toBe("pending");
    expect(after.checkReason).toMatch(reason);
  });

  it("a deleted comment (404) stays pending", async () => {
    const { ana } = await setup();
    const logged = await logComment(ana.id, "https://github.com/octo/site/issues/7#issuecomment-404404");
    expect(await check(logged.id)).toBe("mismatch");
    expect((await row(logged.id)).checkReason).toMatch(/The GitHub comment is gone/);
  });

  it("an unverified account on either side stays pending without asking GitHub", async () => {
    const { ana } = await setup({ anaVerified: false });
    const url = addIssueComment({ id: "9005", author: ANA });
    const l1 = await logComment(ana.id, url);
    expect(await check(l1.id)).toBe("mismatch");
    expect((await row(l1.id)).checkReason).toMatch(/Your GitHub account is not verified yet/);
    await t.reset();
    const s = await setup({ graceVerified: false });
    const l2 = await logComment(s.ana.id, url);
    expect(await check(l2.id)).toBe("mismatch");
    expect((await row(l2.id)).checkReason).toMatch(/Grace has no verified GitHub account/);
    expect(fake.requests).toHaveLength(0);
  });

  it("a comment id that lives in another repository (or on another issue) is refused: the link must name where it was written", async () => {
    const { ana } = await setup();
    // the comment really is on octo/other#7; the link claims octo/site#7, whose owner is Grace
    addIssueComment({ id: "9006", author: ANA, repo: "octo/other", opener: MALLORY });
    fake.routes.set("/repos/octo/site/issues/comments/9006", fake.routes.get("/repos/octo/other/issues/comments/9006"));
    addIssueComment({ id: "9100", author: ANA, number: 3 });
    const l1 = await logComment(ana.id, "https://github.com/octo/site/issues/7#issuecomment-9006");
    expect(await check(l1.id)).toBe("mismatch");
    expect((await row(l1.id)).checkReason).toMatch(/not on octo\/site issue or pull request #7, as the link says/);
    const l2 = await logComment(ana.id, "https://github.com/octo/site/issues/7#issuecomment-9100");
    expect(await check(l2.id)).toBe("mismatch");
    expect((await row(l2.id)).checkReason).toMatch(/not on octo\/site issue or pull request #7/);
    expect(fake.requests.some((r) => r.path === "/repos/octo/site/issues/7")).toBe(false);
  });

  it("429 with a long Retry-After: nothing written, retried later; a short one is waited out in the same check", async () => {
    const { ana } = await setup();
    const url = addIssueComment({ id: "9007", author: ANA });
    const logged = await logComment(ana.id, url);
    fake.limited = { times: 1, status: 429, headers: { "retry-after": "120" } };
    const e = await check(logged.id).catch((x) => x);
    expect(e).toBeInstanceOf(ProviderFault);
    expect((e as ProviderFault).retryAfterMs).toBe(120_000);
    expect(await row(logged.id)).toMatchObject({ status: "pending", checkState: "queued", checkReason: null });
    expect(await check(logged.id)).toBe("matched");

    await t.reset();
    const s = await setup();
    const l2 = await logComment(s.ana.id, url);
    fake.requests.length = 0;
    fake.limited = { times: 1, status: 429, headers: { "retry-after": "1" } };
    expect(await check(l2.id)).toBe("matched");
    expect(fake.requests[1].at - fake.requests[0].at).toBeGreaterThanOrEqual(950);
  });

  it("403 with x-ratelimit-remaining 0 is a rate limit until x-ratelimit-reset: retried after, not judged", async () => {
    const { ana } = await setup();
    const url = addIssueComment({ id: "9008", author: ANA });
    const logged = await logComment(ana.id, url);
    const reset = Math.floor(Date.now() / 1000) + 600;
    fake.limited = { times: 1, status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset), "x-ratelimit-limit": "60" } };
    const e = await check(logged.id).catch((x) => x);
    expect(e).toBeInstanceOf(ProviderFault);
    expect((e as ProviderFault).retryAfterMs).toBeGreaterThan(590_000);
    expect(await row(logged.id)).toMatchObject({ status: "pending", checkState: "queued", checkReason: null });
    expect(await check(logged.id)).toBe("matched");
  });

  it("sends the token only when GITHUB_TOKEN is set", async () => {
    const { ana } = await setup();
    const url = addIssueComment({ id: "9009", author: ANA });
    const logged = await logComment(ana.id, url);
    expect(await check(logged.id, { token: "ghp_secret123" })).toBe("matched");
    expect(fake.requests.map((r) => r.headers.authorization)).toEqual(["Bearer ghp_secret123", "Bearer ghp_secret123"]);
  });

  it("a discussion comment without a token stays pending with the reason, asking nothing; with one it is read through GraphQL", async () => {
    const { ana } = await setup();
    const url = "https://github.com/octo/site/discussions/7#discussioncomment-1002";
    const l1 = await logComment(ana.id, url);
    expect(l1.checkState).toBe("queued");
    expect(await check(l1.id)).toBe("mismatch");
    expect((await row(l1.id)).checkReason).toBe(DISCUSSION_NEEDS_TOKEN);
    expect(fake.requests).toHaveLength(0);

    const answer = fixture("graphql-discussion.json");
    const d = answer.data.repository.discussion;
    d.author = { login: GRACE.login, databaseId: GRACE.id };
    const reply = d.comments.nodes[0].replies.nodes[0];
    Object.assign(reply, { author: { login: ANA.login, databaseId: ANA.id }, createdAt: "2026-11-20T12:00:00Z", url: "https://github.com/octo/site/discussions/7#discussioncomment-1002" });
    fake.graphql = answer;
    // the operator adds a token; the same link checked again
    await t.db.loggedInteraction.update({ where: { id: l1.id }, data: { checkState: "queued", checkReason: null } });
    expect(await check(l1.id, { token: "ghp_secret123" })).toBe("matched");
    expect(fake.requests).toHaveLength(1);
    const [q] = fake.requests;
    expect(q).toMatchObject({ method: "POST", path: "/graphql" });
    expect(q.headers.authorization).toBe("Bearer ghp_secret123");
    expect(JSON.parse(q.body).variables).toEqual({ owner: "octo", repo: "site", number: 7 });
  });
});

describe("linking a GitHub account", () => {
  const gist = (id: string, owner: { id: number; login: string }, content: string, truncated = false) =>
    fake.routes.set(`/gists/${id}`, { ...fixture("gist.json"), id, owner: userOf(owner), files: { "rapport.md": { filename: "rapport.md", content, truncated } } });
  const fieldOf = (e: unknown) => (e as { fields: Record<string, string[]> }).fields["linkedAccounts.github"][0];

  it("with a gist: the login gives the account and a code; a gist of that account holding the code verifies it, and what waited is checked again", async () => {
    const { ana } = await setup({ anaVerified: false });
    await t.db.linkedAccount.deleteMany({ where: { memberId: ana.id } });
    const url = addIssueComment({ id: "9010", author: ANA });
    const logged = await logComment(ana.id, url);
    await check(logged.id);
    expect((await row(logged.id)).checkState).toBe("mismatch");

    addUser(ANA);
    const started = await linkGitHub(t.db, { memberId: ana.id, input: { login: "@ana-r" }, now, deps: deps() });
    expect(started).toMatchObject({ network: "github", handle: "Ana-R", githubId: "101", verified: false, verifiedAt: null });
    expect(started.code).toMatch(/^rapport-[a-z0-9]+$/);

    gist("aa5a315d61ae9438b18d", ANA, `Proving my Rapport account: ${started.code}\n`);
    const done = await linkGitHub(t.db, { memberId: ana.id, input: { gistUrl: "https://gist.github.com/Ana-R/aa5a315d61ae9438b18d" }, now, deps: deps() });
    expect(done).toMatchObject({ handle: "Ana-R", githubId: "101", verified: true, code: null });
    expect(await t.db.linkedAccount.findFirstOrThrow({ where: { memberId: ana.id } })).toMatchObject({ network: "github", externalId: "101", verifiedAt: now });
    expect((await row(logged.id)).checkState).toBe("queued");
    expect(await check(logged.id)).toBe("matched");
  });

  it("refuses a gist by someone else, a gist without the code, a truncated gist, and a gist before a login", async () => {
    const ana = await createMember({ handle: "ana_m" });
    const gistUrl = (id: string) => ({ gistUrl: `https://gist.github.com/x/${id}` });
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: gistUrl("aaaaaaaaaaaaaaaaaaaa"), now, deps: deps() }).catch((e) => e))).toMatch(/Enter your GitHub username first/);
    addUser(ANA);
    const { code } = await linkGitHub(t.db, { memberId: ana.id, input: { login: "ana-r" }, now, deps: deps() });
    gist("bbbbbbbbbbbbbbbbbbbb", MALLORY, `${code}`);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: gistUrl("bbbbbbbbbbbbbbbbbbbb"), now, deps: deps() }).catch((e) => e))).toBe("That gist belongs to @mallory, not to @Ana-R.");
    gist("cccccccccccccccccccc", ANA, "hello");
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: gistUrl("cccccccccccccccccccc"), now, deps: deps() }).catch((e) => e))).toBe(
      `We couldn't find ${code} in that gist. Add it to a file of the gist, save, then check again.`,
    );
    gist("dddddddddddddddddddd", ANA, "x".repeat(100), true);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: gistUrl("dddddddddddddddddddd"), now, deps: deps() }).catch((e) => e))).toMatch(/too large for GitHub to send whole/);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: gistUrl("eeeeeeeeeeeeeeeeeeee"), now, deps: deps() }).catch((e) => e))).toMatch(/GitHub has no gist at that address/);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: { gistUrl: "https://example.com/gist" }, now, deps: deps() }).catch((e) => e))).toMatch(/address of your gist/);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: { login: "nobody-here" }, now, deps: deps() }).catch((e) => e))).toBe("There is no GitHub account @nobody-here.");
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: { login: "bad--name" }, now, deps: deps() }).catch((e) => e))).toMatch(/like octocat/);
    expect(await t.db.linkedAccount.findFirstOrThrow({ where: { memberId: ana.id } })).toMatchObject({ verifiedAt: null, externalId: "101" });
    // no gist was fetched from anywhere but the API: a truncated file's raw_url is never followed
    expect(fake.requests.every((r) => r.path.startsWith("/users/") || r.path.startsWith("/gists/"))).toBe(true);
  });

  it("refuses an account another member verified first", async () => {
    const ana = await createMember({ handle: "ana_m" });
    const grace = await createMember({ handle: "grace_m" });
    await t.db.linkedAccount.create({ data: { memberId: grace.id, network: "github", handle: ANA.login, externalId: String(ANA.id), code: "c", verifiedAt: now } });
    addUser(ANA);
    const { code } = await linkGitHub(t.db, { memberId: ana.id, input: { login: "ana-r" }, now, deps: deps() });
    gist("aa5a315d61ae9438b18d", ANA, code!);
    expect(fieldOf(await linkGitHub(t.db, { memberId: ana.id, input: { gistUrl: "https://gist.github.com/aa5a315d61ae9438b18d" }, now, deps: deps() }).catch((e) => e))).toBe(
      "That GitHub account is already linked to another Rapport member.",
    );
    expect(await t.db.linkedAccount.count({ where: { network: "github", externalId: "101", verifiedAt: { not: null } } })).toBe(1);
  });

  it("one click with the GitHub sign-in: verified by the account's id, with its current login; without such a sign-in it is refused", async () => {
    const ana = await createMember({ handle: "ana_m" });
    const grace = await createMember({ handle: "grace_m" });
    await t.db.oauthAccount.create({ data: { memberId: ana.id, provider: "github", providerAccountId: "101" } });
    addUser({ id: 101, login: "ana-renamed" });
    const linked = await linkGitHub(t.db, { memberId: ana.id, input: { useSignIn: true }, now, deps: deps() });
    expect(linked).toEqual({ network: "github", handle: "ana-renamed", githubId: "101", verified: true, verifiedAt: now, code: null });
    expect(fake.requests.map((r) => r.path)).toEqual(["/user/101"]);
    // the profile shows the verified mark, linking to the account on GitHub
    expect((await findProfile(t.db, { handle: "ana_m", viewerId: null }))?.verifiedAccounts).toEqual([{ network: "github", handle: "ana-renamed", url: "https://github.com/ana-renamed" }]);
    expect(fieldOf(await linkGitHub(t.db, { memberId: grace.id, input: { useSignIn: true }, now, deps: deps() }).catch((e) => e))).toMatch(/not signed in to Rapport with GitHub/);
    // renamed on GitHub: entering the new login keeps the account verified (same id), no gist asked,
    // and what Found for you offered from it stays offered
    await t.db.interactionOffer.create({ data: { actorId: ana.id, targetId: grace.id, network: "github", postUri: "c1", postUrl: "https://github.com/o/r/issues/1#issuecomment-1", kind: "comment", occurredAt: now } });
    addUser({ id: 101, login: "ana-again" });
    expect(await linkGitHub(t.db, { memberId: ana.id, input: { login: "ana-again" }, now: new Date(now.getTime() + 60_000), deps: deps() })).toMatchObject({
      handle: "ana-again",
      verified: true,
      verifiedAt: now,
    });
    expect(await t.db.interactionOffer.count({ where: { state: "open" } })).toBe(1);
    expect(await unlinkAccount(t.db, { memberId: ana.id, network: "github" })).toEqual({ offersForgotten: 1 });
    expect(await t.db.linkedAccount.count()).toBe(0);
    expect(await t.db.interactionOffer.count()).toBe(0);
  });

  it("says GitHub cannot be reached when it is down, without writing", async () => {
    const ana = await createMember({ handle: "ana_m" });
    fake.limited = { times: 1, status: 502, headers: {} };
    await expect(linkGitHub(t.db, { memberId: ana.id, input: { login: "ana-r" }, now, deps: deps() })).rejects.toMatchObject({ code: "unavailable" });
    expect(await t.db.linkedAccount.count()).toBe(0);
  });
});
