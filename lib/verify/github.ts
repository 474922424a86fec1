/**
 * GitHub evidence and accounts, pure: recognising comment and gist URLs, usernames and
 * @mentions, the shapes of the REST answers Rapport reads (user, issue, issue comment, pull
 * request review comment, gist) and of its one GraphQL query (a discussion's comments), and
 * judging a comment against a logged interaction. No I/O, no clock.
 */
import { z } from "zod";
import { firstNameOf } from "../warmup/names";
import { httpsOn } from "./url";
import { accountProblem, type Verdict } from "./verdict";

/** Where GitHub comments are linked from. */
export const GITHUB_HOSTS = ["github.com", "www.github.com"] as const;

export type GitHubCommentRef =
  | { kind: "issue_comment"; owner: string; repo: string; number: number; commentId: string }
  | { kind: "review_comment"; owner: string; repo: string; number: number; commentId: string }
  | { kind: "discussion_comment"; owner: string; repo: string; number: number; commentId: string };

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * https://github.com/o/r/issues/N#issuecomment-ID, /pull/N#issuecomment-ID,
 * /pull/N#discussion_rID, /discussions/N#discussioncomment-ID → its parts; null otherwise.
 */
export function parseGitHubCommentUrl(raw: string): GitHubCommentRef | null {
  const u = httpsOn(raw, GITHUB_HOSTS);
  if (!u) return null;
  const m = /^\/([^/]+)\/([^/]+)\/(issues|pull|discussions)\/([1-9][0-9]{0,9})(?:\/files|\/commits)?\/?$/.exec(u.pathname);
  if (!m || !OWNER.test(m[1]) || !REPO.test(m[2])) return null;
  const [, owner, repo, section, n] = m;
  const number = Number(n);
  const hash = u.hash.replace(/^#/, "");
  let h: RegExpExecArray | null;
  if ((section === "issues" || section === "pull") && (h = /^issuecomment-([1-9][0-9]{0,19})$/.exec(hash)))
    return { kind: "issue_comment", owner, repo, number, commentId: h[1] };
  if (section === "pull" && (h = /^discussion_r([1-9][0-9]{0,19})$/.exec(hash)))
    return { kind: "review_comment", owner, repo, number, commentId: h[1] };
  if (section === "discussions" && (h = /^discussioncomment-([1-9][0-9]{0,19})$/.exec(hash)))
    return { kind: "discussion_comment", owner, repo, number, commentId: h[1] };
  return null;
}

/** The account's page on github.com. */
export const gitHubProfileUrl = (login: string) => `https://github.com/${encodeURIComponent(login)}`;

/** A GitHub username as typed: "@Octo-Cat" → "octo-cat"; null when it is not one. */
export function normaliseGitHubLogin(raw: string): string | null {
  const l = raw.trim().replace(/^@/, "");
  return LOGIN.test(l) ? l.toLowerCase() : null;
}

/** Whether `body` mentions @login as a whole word (case-insensitive; not part of an e-mail or longer name). */
export function mentionsLogin(body: string, login: string): boolean {
  const l = normaliseGitHubLogin(login);
  if (!l) return false;
  const esc = l.replace(/-/g, "\\-");
  return new RegExp(`(?<![A-Za-z0-9_.@/-])@${esc}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9]|/)`, "i").test(body);
}

/** A candidate @login anywhere in a text; each is confirmed with mentionsLogin, the one rule. */
const MENTION = /(?<![A-Za-z0-9_.@/-])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![A-Za-z0-9_-]|\.[A-Za-z0-9]|\/)/g;

/**
 * The logins `body` mentions, lower-cased, in order of first mention, each once: exactly those
 * mentionsLogin accepts, so what "Found for you" offers as a mention is what the evidence check
 * verifies as one.
 */
export function mentionedLogins(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(MENTION)) {
    const l = m[1].toLowerCase();
    if (!out.includes(l) && mentionsLogin(body, l)) out.push(l);
  }
  return out;
}

export type GitHubJudgeInput = {
  comment: { userId: string; createdAt: string; body: string };
  /** The issue or pull request the comment is on; its author's numeric id. */
  parentAuthorId: string | null;
  actorGitHubId: string | null;
  target: { githubId: string | null; login: string | null };
  /** The logged date, YYYY-MM-DD. */
  loggedDate: string;
};

export type GitHubVerdict =
  | { ok: true }
  | { ok: false; reason: "actor_unverified" | "target_unverified" | "wrong_author" | "wrong_target" | "date_mismatch" };

/** Judge one comment: author is the actor, it answers or mentions the target, made on the logged UTC day. */
export function judgeGitHubComment(i: GitHubJudgeInput): GitHubVerdict {
  if (!i.actorGitHubId) return { ok: false, reason: "actor_unverified" };
  if (!i.target.githubId) return { ok: false, reason: "target_unverified" };
  if (i.comment.userId !== i.actorGitHubId) return { ok: false, reason: "wrong_author" };
  const onTarget = i.parentAuthorId !== null && i.parentAuthorId === i.target.githubId;
  const mentions = i.target.login !== null && mentionsLogin(i.comment.body, i.target.login);
  if (!onTarget && !mentions) return { ok: false, reason: "wrong_target" };
  const t = new Date(i.comment.createdAt);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== i.loggedDate) return { ok: false, reason: "date_mismatch" };
  return { ok: true };
}

/**
 * When a GitHub response is a rate limit (403/429 with `retry-after`, or `x-ratelimit-remaining: 0`
 * with `x-ratelimit-reset` in epoch seconds), the time to try again; null when it is not one.
 * A 429 without either header waits one minute, as GitHub's docs advise.
 */
export function gitHubRateLimitRetryAt(status: number, headers: Headers, now: Date): Date | null {
  if (status !== 403 && status !== 429) return null;
  const after = headers.get("retry-after");
  if (after && /^\d{1,6}$/.test(after.trim())) return new Date(now.getTime() + Number(after.trim()) * 1000);
  if (headers.get("x-ratelimit-remaining") === "0") {
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return new Date(Math.max(reset * 1000, now.getTime() + 1000));
  }
  return status === 429 ? new Date(now.getTime() + 60_000) : null;
}

/** The issue, pull request or discussion a comment's html_url belongs to (any fragment); null when it is not one. */
export function gitHubThreadOf(htmlUrl: string): { owner: string; repo: string; number: number } | null {
  const u = httpsOn(htmlUrl, GITHUB_HOSTS);
  const m = u && /^\/([^/]+)\/([^/]+)\/(?:issues|pull|discussions)\/([1-9][0-9]{0,9})(?:\/files|\/commits)?\/?$/.exec(u.pathname);
  return m ? { owner: m[1], repo: m[2], number: Number(m[3]) } : null;
}

/**
 * Whether the comment GitHub answered sits where the link says: same repository (owner and
 * name compare case-insensitively, as GitHub does) and same issue, pull request or discussion.
 * A comment id read under one repository's path must not pass for a comment in another.
 */
export function sameThread(ref: GitHubCommentRef, htmlUrl: string): boolean {
  const t = gitHubThreadOf(htmlUrl);
  return t !== null && t.owner.toLowerCase() === ref.owner.toLowerCase() && t.repo.toLowerCase() === ref.repo.toLowerCase() && t.number === ref.number;
}

/** https://gist.github.com/{login}/{id} (or without the login) → the gist's id; null otherwise. */
export function parseGistUrl(raw: string): { login: string | null; id: string } | null {
  const u = httpsOn(raw.trim(), ["gist.github.com"]);
  if (!u) return null;
  const m = /^\/(?:([A-Za-z0-9-]{1,39})\/)?([0-9a-f]{20,40}|[0-9]{1,12})\/?$/.exec(u.pathname);
  return m ? { login: m[1] ?? null, id: m[2] } : null;
}

/** A GitHub id as Rapport stores it: ids are numbers in the API, strings in Rapport (external_id). */
export const ZGitHubId = z.union([z.number().int().positive(), z.string().regex(/^[1-9][0-9]{0,19}$/)]).transform(String);
/** "simple-user" in GitHub's REST description: a deleted account's comments have user null. */
export const ZGitHubSimpleUser = z.looseObject({ id: ZGitHubId, login: z.string() });

/** GET /user/{account_id} and GET /users/{username} ("public-user" / "private-user"). */
export const ZGitHubUser = ZGitHubSimpleUser;
export type GitHubUser = z.infer<typeof ZGitHubUser>;

/** GET /repos/{owner}/{repo}/issues/{issue_number} (pull requests are issues too): who opened it. */
export const ZGitHubIssue = z.looseObject({ number: z.number().int(), user: ZGitHubSimpleUser.nullable(), html_url: z.string() });
export type GitHubIssue = z.infer<typeof ZGitHubIssue>;

/** GET /repos/{owner}/{repo}/issues/comments/{comment_id} ("issue-comment"). */
export const ZGitHubIssueComment = z.looseObject({
  id: ZGitHubId,
  html_url: z.string(),
  issue_url: z.string(),
  user: ZGitHubSimpleUser.nullable(),
  body: z.string().nullable().optional(),
  created_at: z.string(),
});
export type GitHubIssueComment = z.infer<typeof ZGitHubIssueComment>;

/** GET /repos/{owner}/{repo}/pulls/comments/{comment_id} ("pull-request-review-comment"). */
export const ZGitHubReviewComment = z.looseObject({
  id: ZGitHubId,
  html_url: z.string(),
  pull_request_url: z.string(),
  user: ZGitHubSimpleUser.nullable(),
  body: z.string(),
  created_at: z.string(),
});
export type GitHubReviewComment = z.infer<typeof ZGitHubReviewComment>;

/** GET /gists/{gist_id}: the owner, and each file's content (cut at 1 MB: `truncated`). */
export const ZGitHubGist = z.looseObject({
  id: z.string(),
  owner: ZGitHubSimpleUser.nullable().optional(),
  public: z.boolean(),
  files: z.record(
    z.string(),
    z.looseObject({ filename: z.string().optional(), content: z.string().optional(), truncated: z.boolean().optional() }).nullable(),
  ),
});
export type GitHubGist = z.infer<typeof ZGitHubGist>;

/** What a gist says about a one-time code: there, not there, or in a file too big to be sent whole. */
export function gistHolds(gist: GitHubGist, code: string): "found" | "missing" | "truncated" {
  let truncated = false;
  for (const f of Object.values(gist.files)) {
    if (!f) continue;
    if (f.content?.includes(code)) return "found";
    if (f.truncated) truncated = true;
  }
  return truncated ? "truncated" : "missing";
}

/**
 * Rapport's one GraphQL query: a discussion's author and its first 100 comments with their
 * first 100 replies (a discussion comment link names the comment's databaseId; GraphQL has no
 * lookup by it). Needs a token: GitHub's GraphQL API refuses anonymous calls.
 */
export const DISCUSSION_QUERY = `query($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    discussion(number: $number) {
      author { login ... on User { databaseId } }
      comments(first: 100) {
        nodes {
          databaseId url body createdAt author { login ... on User { databaseId } }
          replies(first: 100) { nodes { databaseId url body createdAt author { login ... on User { databaseId } } } }
        }
      }
    }
  }
}`;

const ZGqlAuthor = z.looseObject({ login: z.string(), databaseId: z.number().int().nullable().optional() }).nullable();
const ZGqlComment = z.looseObject({ databaseId: z.number().int().nullable(), url: z.string(), body: z.string(), createdAt: z.string(), author: ZGqlAuthor });
export const ZDiscussionAnswer = z.looseObject({
  data: z
    .looseObject({
      repository: z
        .looseObject({
          discussion: z
            .looseObject({
              author: ZGqlAuthor,
              comments: z.looseObject({ nodes: z.array(z.looseObject({ ...ZGqlComment.shape, replies: z.looseObject({ nodes: z.array(ZGqlComment) }) })) }),
            })
            .nullable(),
        })
        .nullable(),
    })
    .nullable()
    .optional(),
  errors: z.array(z.looseObject({ type: z.string().optional(), message: z.string() })).optional(),
});
export type DiscussionAnswer = z.infer<typeof ZDiscussionAnswer>;

/** A comment as the judge reads it, whichever API it came from. */
export type GitHubComment = { userId: string | null; login: string | null; createdAt: string; body: string; htmlUrl: string };

/** The comment with this databaseId among a discussion's comments and replies, and the discussion's author. */
export function findDiscussionComment(answer: DiscussionAnswer, commentId: string): { comment: GitHubComment | null; parentAuthorId: string | null } | null {
  const d = answer.data?.repository?.discussion;
  if (!d) return null;
  const all = d.comments.nodes.flatMap((c) => [c, ...c.replies.nodes]);
  const c = all.find((x) => x.databaseId !== null && String(x.databaseId) === commentId);
  const idOf = (a: z.infer<typeof ZGqlAuthor>) => (a?.databaseId != null ? String(a.databaseId) : null);
  return {
    parentAuthorId: idOf(d.author),
    comment: c ? { userId: idOf(c.author), login: c.author?.login ?? null, createdAt: c.createdAt, body: c.body, htmlUrl: c.url } : null,
  };
}

export type GitHubFacts = {
  /** the verified accounts' numeric GitHub ids, or null */
  actorAccount: string | null;
  targetAccount: string | null;
  /** the login stored on the target's linked account (for @mentions) */
  targetLogin: string | null;
  targetName: string;
  /** the logged day, YYYY-MM-DD */
  occurredOn: string;
};

export function gitHubAccountProblem(f: GitHubFacts): Verdict | null {
  return accountProblem("GitHub", { actor: f.actorAccount, target: f.targetAccount, targetName: f.targetName });
}

/**
 * Does this comment prove the logged interaction? `comment` null: GitHub answered 404 (deleted,
 * never there, or in a private repository). The judge's reason codes become sentences for the
 * member who logged it, naming the other member by first name.
 */
export function judgeGitHubEvidence(comment: GitHubComment | null, parentAuthorId: string | null, f: GitHubFacts): Verdict {
  const missing = gitHubAccountProblem(f);
  if (missing) return missing;
  if (!comment) return { outcome: "mismatch", reason: "The GitHub comment is gone — deleted, in a private repository, or the link is wrong." };
  const v = judgeGitHubComment({
    comment: { userId: comment.userId ?? "", createdAt: comment.createdAt, body: comment.body },
    parentAuthorId,
    actorGitHubId: f.actorAccount,
    target: { githubId: f.targetAccount, login: f.targetLogin },
    loggedDate: f.occurredOn,
  });
  if (v.ok) return { outcome: "matched" };
  const first = firstNameOf(f.targetName);
  switch (v.reason) {
    case "actor_unverified":
    case "target_unverified":
      return gitHubAccountProblem(f)!;
    case "wrong_author":
      return { outcome: "mismatch", reason: `The comment was written by ${comment.login ? `@${comment.login}` : "a deleted account"}, not by your verified GitHub account.` };
    case "wrong_target":
      return { outcome: "mismatch", reason: `The comment is neither on ${first}'s issue or pull request nor mentions ${first}'s verified GitHub account${f.targetLogin ? ` (@${f.targetLogin})` : ""}.` };
    case "date_mismatch": {
      const at = Date.parse(comment.createdAt);
      if (Number.isNaN(at)) return { outcome: "mismatch", reason: "The comment has no readable date." };
      return { outcome: "mismatch", reason: `The comment is dated ${new Date(at).toISOString().slice(0, 10)} (UTC), not ${f.occurredOn} as logged.` };
    }
  }
}
