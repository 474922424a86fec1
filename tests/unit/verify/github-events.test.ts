import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_PER_PAGE, postsFromEvents, reachedStart, ZGitHubEvents, type GitHubEvent } from "@/lib/verify/github-events";
import { judgeGitHubComment, mentionedLogins, mentionsLogin, parseGitHubCommentUrl } from "@/lib/verify/github";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/github/user-events-public.json"), "utf8"));
const page = ZGitHubEvents.parse(fixture);
const ANA = { id: "101", login: "Ana-R" };
const GRACE = { id: "202", login: "grace-k" };

type Payload = { action?: string; issue?: Record<string, unknown>; pull_request?: Record<string, unknown>; comment: Record<string, unknown> };
const byId = (id: string) => structuredClone(page.find((e) => e.id === id)!) as GitHubEvent & { payload: Payload };
/** Ana's comment on Grace's issue, changed as the case needs. */
function onGracesIssue(change: (e: GitHubEvent & { payload: Payload }) => void = () => {}): GitHubEvent {
  const e = byId("44100000003");
  change(e);
  return e;
}

describe("turning public events into offers", () => {
  it("finds Ana's comment on Grace's issue, her review comment on Grace's pull request, and her mention of Grace on her own issue", () => {
    expect(postsFromEvents(page, ANA)).toEqual([
      { target: { id: GRACE.id }, kind: "comment", postUri: "IC_kwDOAAABiM4AACON", postUrl: "https://github.com/octo/site/issues/7#issuecomment-9101", occurredAt: new Date("2026-11-20T15:04:05Z") },
      { target: { id: GRACE.id }, kind: "comment", postUri: "PRRC_kwDOAAABiM4AACPx", postUrl: "https://github.com/octo/site/pull/12#discussion_r9201", occurredAt: new Date("2026-11-19T11:00:00Z") },
      { target: { handle: "grace-k" }, kind: "mention", postUri: "IC_kwDOAAABiY4AACRF", postUrl: "https://github.com/Ana-R/notes/issues/3#issuecomment-9301", occurredAt: new Date("2026-11-18T09:30:00Z") },
    ]);
  });

  it("offers only links the evidence check reads for the same comment, and which its judge accepts for Grace on that day", () => {
    const comments = page.filter((e) => e.actor.id === ANA.id && e.type !== "PushEvent").map((e) => (e.payload as Payload).comment);
    for (const post of postsFromEvents(page, ANA)) {
      const ref = parseGitHubCommentUrl(post.postUrl);
      const c = comments.find((x) => x.html_url === post.postUrl)!;
      expect(ref?.commentId).toBe(String(c.id));
      const parentAuthorId = "id" in post.target ? post.target.id : ANA.id;
      const verdict = judgeGitHubComment({
        comment: { userId: ANA.id, createdAt: String(c.created_at), body: String(c.body) },
        parentAuthorId,
        actorGitHubId: ANA.id,
        target: { githubId: GRACE.id, login: GRACE.login },
        loggedDate: post.occurredAt.toISOString().slice(0, 10),
      });
      expect(verdict).toEqual({ ok: true });
    }
  });

  it("reads only the actor's events: another actor's comment on Grace's issue and a push are nothing", () => {
    const lee = page.filter((e) => e.id === "44100000004" || e.type === "PushEvent");
    expect(postsFromEvents(lee, ANA)).toEqual([]);
    // …and seen as Lee's own events, his comment is his.
    expect(postsFromEvents(lee, { id: "404", login: "lee-p" }).map((p) => p.target)).toEqual([{ id: GRACE.id }]);
  });

  it.each([
    ["an edited comment", (e: GitHubEvent & { payload: Payload }) => (e.payload.action = "edited")],
    ["a payload without an action", (e: GitHubEvent & { payload: Payload }) => delete e.payload.action],
    ["a comment written by someone else", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.user = { id: 404, login: "lee-p" })],
    ["a comment by a deleted account", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.user = null)],
    ["a link that is not a comment link", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.html_url = "https://github.com/octo/site/issues/7")],
    ["a link naming another comment", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.html_url = "https://github.com/octo/site/issues/7#issuecomment-1")],
    ["a link off github.com", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.html_url = "https://evil.example/octo/site/issues/7#issuecomment-9101")],
    ["an unreadable date", (e: GitHubEvent & { payload: Payload }) => (e.payload.comment.created_at = "yesterday")],
    ["a comment without its node id", (e: GitHubEvent & { payload: Payload }) => delete e.payload.comment.node_id],
    ["an issue comment's link passed off as a review comment", (e: GitHubEvent & { payload: Payload }) => (e.type = "PullRequestReviewCommentEvent")],
  ])("leaves out %s", (_, change) => {
    expect(postsFromEvents([onGracesIssue(change)], ANA)).toEqual([]);
  });

  it("a comment on Ana's own issue is a comment to nobody; mentions of herself (any case) are nothing", () => {
    const own = onGracesIssue((e) => {
      e.payload.issue!.user = { id: 101, login: "Ana-R" };
      e.payload.comment.body = "Note to self (@ana-r): done.";
    });
    expect(postsFromEvents([own], ANA)).toEqual([]);
  });

  it("a comment on Grace's issue that also mentions her is one comment; a mention of Lee there is one mention more", () => {
    const both = onGracesIssue((e) => (e.payload.comment.body = "@Grace-K thanks, and cc @lee-p, lee@example.com, @lee-p again"));
    expect(postsFromEvents([both], ANA).map((p) => [p.kind, p.target])).toEqual([
      ["comment", { id: GRACE.id }],
      ["mention", { handle: "lee-p" }],
    ]);
  });

  it("the same comment read twice (it moved to the next page meanwhile) is offered once", () => {
    expect(postsFromEvents([onGracesIssue(), onGracesIssue()], ANA)).toHaveLength(1);
  });

  it("a pull request stub without its author (GitHub's payloads since October 2025) keeps only the mentions", () => {
    const e = byId("44100000002");
    e.payload.pull_request = { url: "https://api.github.com/repos/octo/site/pulls/12", id: 2300012, number: 12, head: {}, base: {} };
    expect(postsFromEvents([e], ANA)).toEqual([]);
    e.payload.comment.body = "Looks good — @grace-k, one question below.";
    expect(postsFromEvents([e], ANA).map((p) => [p.kind, p.target, p.postUrl])).toEqual([["mention", { handle: "grace-k" }, "https://github.com/octo/site/pull/12#discussion_r9201"]]);
  });

  it("a malformed payload skips that event only; a page without actors is not a page of events", () => {
    const broken = onGracesIssue((e) => ((e as { payload: unknown }).payload = { action: "created" }));
    expect(postsFromEvents([broken, ...page], ANA)).toHaveLength(3);
    expect(ZGitHubEvents.safeParse([{ id: "1", type: "PushEvent", payload: {}, created_at: null }]).success).toBe(false);
  });
});

describe("mentions, by the evidence check's rule", () => {
  it.each([
    ["cc @Grace-K and @lee-p.", ["grace-k", "lee-p"]],
    ["@grace-k @GRACE-K", ["grace-k"]],
    ["mail grace@example.com or see github.com/@grace", []],
    ["@grace_k @grace.io @grace-- @-grace", []],
    ["(@grace-k) @lee-p, @sam: hi", ["grace-k", "lee-p", "sam"]],
  ])("%s → %j", (body, logins) => {
    expect(mentionedLogins(body)).toEqual(logins);
    for (const l of logins) expect(mentionsLogin(body, l)).toBe(true);
  });
});

describe("paging back through the timeline", () => {
  const full = (createdAt: string) => Array.from({ length: EVENTS_PER_PAGE }, (_, i) => ({ ...page[0], id: String(i), created_at: createdAt }));
  const start = new Date("2026-11-01T00:00:00Z");
  it("goes on while a full page is still inside the window", () => expect(reachedStart(full("2026-11-02T00:00:00Z"), start)).toBe(false));
  it("stops at a page reaching back before the start", () => expect(reachedStart(full("2026-10-31T23:59:59Z"), start)).toBe(true));
  it("stops at an empty or short page (the last one)", () => {
    expect(reachedStart([], start)).toBe(true);
    expect(reachedStart(page, start)).toBe(true);
  });
});
