import { describe, expect, it } from "vitest";
import { judgeGitHubComment, mentionsLogin, normaliseGitHubLogin, parseGitHubCommentUrl } from "@/lib/verify/github";

describe("parseGitHubCommentUrl", () => {
  it("reads issue, pull, review and discussion comment links", () => {
    expect(parseGitHubCommentUrl("https://github.com/o/r/issues/12#issuecomment-345")).toEqual({ kind: "issue_comment", owner: "o", repo: "r", number: 12, commentId: "345" });
    expect(parseGitHubCommentUrl("https://github.com/o/r.js/pull/3#issuecomment-9")?.kind).toBe("issue_comment");
    expect(parseGitHubCommentUrl("https://github.com/o/r/pull/3#discussion_r77")).toEqual({ kind: "review_comment", owner: "o", repo: "r", number: 3, commentId: "77" });
    expect(parseGitHubCommentUrl("https://github.com/o/r/discussions/5#discussioncomment-8")?.kind).toBe("discussion_comment");
  });
  it("refuses other hosts, schemes and fragments", () => {
    expect(parseGitHubCommentUrl("http://github.com/o/r/issues/1#issuecomment-2")).toBeNull();
    expect(parseGitHubCommentUrl("https://gitlab.com/o/r/issues/1#issuecomment-2")).toBeNull();
    expect(parseGitHubCommentUrl("https://github.com/o/r/issues/1")).toBeNull();
    expect(parseGitHubCommentUrl("https://github.com/o/r/issues/1#discussion_r2")).toBeNull();
    expect(parseGitHubCommentUrl("not a url")).toBeNull();
  });
});

describe("mentions and logins", () => {
  it("matches @login as a whole word, case-insensitively", () => {
    expect(mentionsLogin("thanks @Grace!", "grace")).toBe(true);
    expect(mentionsLogin("cc @grace.", "grace")).toBe(true);
    expect(mentionsLogin("@grace-h hi", "grace")).toBe(false);
    expect(mentionsLogin("mail me@grace", "grace")).toBe(false);
    expect(mentionsLogin("see @grace.io", "grace")).toBe(false);
    expect(mentionsLogin("@gracey", "grace")).toBe(false);
  });
  it("normalises typed usernames", () => {
    expect(normaliseGitHubLogin(" @Octo-Cat ")).toBe("octo-cat");
    expect(normaliseGitHubLogin("bad--name")).toBeNull();
    expect(normaliseGitHubLogin("-x")).toBeNull();
  });
});

describe("judgeGitHubComment", () => {
  const base = {
    comment: { userId: "1", createdAt: "2026-11-20T23:30:00Z", body: "lgtm" },
    parentAuthorId: "2",
    actorGitHubId: "1",
    target: { githubId: "2", login: "grace" },
    loggedDate: "2026-11-20",
  };
  it("verifies a comment by the actor on the target's issue that day", () => expect(judgeGitHubComment(base)).toEqual({ ok: true }));
  it("verifies a mention on someone else's issue", () =>
    expect(judgeGitHubComment({ ...base, parentAuthorId: "3", comment: { ...base.comment, body: "@Grace see this" } })).toEqual({ ok: true }));
  it("names each mismatch", () => {
    expect(judgeGitHubComment({ ...base, actorGitHubId: null })).toMatchObject({ reason: "actor_unverified" });
    expect(judgeGitHubComment({ ...base, target: { githubId: null, login: null } })).toMatchObject({ reason: "target_unverified" });
    expect(judgeGitHubComment({ ...base, comment: { ...base.comment, userId: "9" } })).toMatchObject({ reason: "wrong_author" });
    expect(judgeGitHubComment({ ...base, parentAuthorId: "3" })).toMatchObject({ reason: "wrong_target" });
    expect(judgeGitHubComment({ ...base, loggedDate: "2026-11-21" })).toMatchObject({ reason: "date_mismatch" });
  });
});

describe("gitHubRateLimitRetryAt", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  it("honours retry-after and the ratelimit reset, ignores plain 403s", async () => {
    const { gitHubRateLimitRetryAt } = await import("@/lib/verify/github");
    expect(gitHubRateLimitRetryAt(429, new Headers({ "retry-after": "30" }), now)?.toISOString()).toBe("2026-11-20T12:00:30.000Z");
    const reset = String(Date.parse("2026-11-20T12:10:00Z") / 1000);
    expect(gitHubRateLimitRetryAt(403, new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), now)?.toISOString()).toBe("2026-11-20T12:10:00.000Z");
    expect(gitHubRateLimitRetryAt(403, new Headers(), now)).toBeNull();
    expect(gitHubRateLimitRetryAt(200, new Headers({ "retry-after": "30" }), now)).toBeNull();
  });
});
