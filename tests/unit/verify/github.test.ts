import { describe, expect, it } from "vitest";
import {
  ZDiscussionAnswer,
  ZGitHubGist,
  findDiscussionComment,
  gistHolds,
  judgeGitHubComment,
  judgeGitHubEvidence,
  mentionsLogin,
  normaliseGitHubLogin,
  parseGistUrl,
  parseGitHubCommentUrl,
  sameThread,
} from "@/lib/verify/github";
import { checkableNetwork } from "@/lib/verify/networks";
import { readFileSync } from "node:fs";

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

describe("where a comment is", () => {
  const ref = parseGitHubCommentUrl("https://github.com/Octo/Site/issues/7#issuecomment-1")!;
  it("compares the repository case-insensitively and the number exactly, whatever the fragment", () => {
    expect(sameThread(ref, "https://github.com/octo/site/issues/7#issuecomment-1")).toBe(true);
    expect(sameThread(ref, "https://github.com/octo/site/pull/7#discussion-diff-1")).toBe(true);
    expect(sameThread(ref, "https://github.com/octo/other/issues/7#issuecomment-1")).toBe(false);
    expect(sameThread(ref, "https://github.com/octo/site/issues/8#issuecomment-1")).toBe(false);
    expect(sameThread(ref, "https://evil.example/octo/site/issues/7")).toBe(false);
  });
  it("recognises GitHub comment links as checkable, other GitHub pages not", () => {
    expect(checkableNetwork("https://github.com/o/r/pull/3#discussion_r77")).toBe("github");
    expect(checkableNetwork("https://github.com/o/r/discussions/5#discussioncomment-8")).toBe("github");
    expect(checkableNetwork("https://github.com/o/r/issues/3")).toBeNull();
    expect(checkableNetwork("https://github.com/o")).toBeNull();
  });
});

describe("gists", () => {
  it("reads gist addresses with or without the login", () => {
    expect(parseGistUrl("https://gist.github.com/octocat/aa5a315d61ae9438b18d")).toEqual({ login: "octocat", id: "aa5a315d61ae9438b18d" });
    expect(parseGistUrl(" https://gist.github.com/aa5a315d61ae9438b18d/ ")).toEqual({ login: null, id: "aa5a315d61ae9438b18d" });
    expect(parseGistUrl("http://gist.github.com/octocat/aa5a315d61ae9438b18d")).toBeNull();
    expect(parseGistUrl("https://gist.githubusercontent.com/octocat/aa5a315d61ae9438b18d/raw")).toBeNull();
    expect(parseGistUrl("https://gist.github.com/octocat/not-a-gist")).toBeNull();
  });
  it("finds the code in a file, and says when a file was cut short instead of guessing", () => {
    const g = ZGitHubGist.parse(JSON.parse(readFileSync("tests/fixtures/github/gist.json", "utf8")));
    expect(g.owner?.id).toBe("1");
    expect(gistHolds(g, "HelloWorld")).toBe("found");
    expect(gistHolds(g, "rapport-abc")).toBe("missing");
    const cut = { ...g, files: { a: { content: "x", truncated: true } } };
    expect(gistHolds(cut, "rapport-abc")).toBe("truncated");
  });
});

describe("discussion comments (GraphQL)", () => {
  const answer = ZDiscussionAnswer.parse(JSON.parse(readFileSync("tests/fixtures/github/graphql-discussion.json", "utf8")));
  it("finds a comment or a reply by its databaseId, with the discussion's author", () => {
    expect(findDiscussionComment(answer, "1002")).toMatchObject({ parentAuthorId: "1", comment: { userId: "1", login: "octocat", body: "Glad it helped." } });
    expect(findDiscussionComment(answer, "1001")?.comment?.htmlUrl).toBe("https://github.com/octocat/Hello-World/discussions/7#discussioncomment-1001");
    expect(findDiscussionComment(answer, "9")).toEqual({ parentAuthorId: "1", comment: null });
    expect(findDiscussionComment(ZDiscussionAnswer.parse(JSON.parse(readFileSync("tests/fixtures/github/graphql-not-found.json", "utf8"))), "1")).toBeNull();
  });
});

describe("judgeGitHubEvidence: reasons in sentences", () => {
  const facts = { actorAccount: "1", targetAccount: "2", targetLogin: "grace-k", targetName: "Grace Kim", occurredOn: "2026-11-20" };
  const comment = { userId: "1", login: "ana", createdAt: "2026-11-20T10:00:00Z", body: "hi", htmlUrl: "https://github.com/o/r/issues/1#issuecomment-5" };
  it.each([
    ["matched", comment, "2", facts, null],
    ["gone", null, null, facts, /The GitHub comment is gone/],
    ["someone else wrote it", { ...comment, userId: "9", login: "mallory" }, "2", facts, /written by @mallory, not by your verified GitHub account/],
    ["a deleted account wrote it", { ...comment, userId: null, login: null }, "2", facts, /written by a deleted account/],
    ["neither on nor mentioning Grace", comment, "3", facts, /neither on Grace's issue or pull request nor mentions Grace's verified GitHub account \(@grace-k\)/],
    ["another day", comment, "2", { ...facts, occurredOn: "2026-11-19" }, /dated 2026-11-20 \(UTC\), not 2026-11-19 as logged/],
    ["actor unverified", comment, "2", { ...facts, actorAccount: null }, /Your GitHub account is not verified yet/],
    ["target unverified", comment, "2", { ...facts, targetAccount: null }, /Grace has no verified GitHub account/],
  ])("%s", (_n, c, parent, f, reason) => {
    const v = judgeGitHubEvidence(c, parent, f);
    if (reason === null) expect(v).toEqual({ outcome: "matched" });
    else expect(v.outcome === "mismatch" && v.reason).toMatch(reason);
  });
});
