/**
 * GitHub evidence, pure: recognising comment URLs, usernames and @mentions, and judging an
 * issue comment (REST "Get an issue comment": user.id, created_at, body, issue_url) against a
 * logged interaction. No I/O, no clock.
 */
import { httpsOn } from "./url";

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
  const u = httpsOn(raw, ["github.com", "www.github.com"]);
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
