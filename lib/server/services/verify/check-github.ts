import "server-only";
import type { GitHubApi } from "@/lib/server/verify/github-api";
import type { Verdict } from "@/lib/verify/verdict";
import {
  findDiscussionComment,
  gitHubAccountProblem,
  judgeGitHubEvidence,
  parseGitHubCommentUrl,
  sameThread,
  type GitHubComment,
  type GitHubCommentRef,
  type GitHubFacts,
} from "@/lib/verify/github";

export const DISCUSSION_NEEDS_TOKEN =
  "Rapport can check GitHub discussion comments only when the server has a GitHub token; it waits for the other member to confirm.";

/**
 * GitHub's evidence checker (verify-evidence.ts dispatches here). The comment is read by the id
 * in the link under the link's repository (REST for issue, pull request and review comments;
 * GraphQL for discussion comments, token only), then the issue or pull request it is on, for its
 * author. The comment's own html_url must name the repository and number the link names, so an
 * id from another repository cannot be passed off. Nothing is fetched unless both members have a
 * verified GitHub account.
 */
export async function checkGitHub(api: GitHubApi, url: string, facts: GitHubFacts): Promise<Verdict> {
  const ref = parseGitHubCommentUrl(url);
  if (!ref) return { outcome: "mismatch", reason: "This is not a link to a GitHub comment (https://github.com/owner/repo/issues/1#issuecomment-…)." };
  const missing = gitHubAccountProblem(facts);
  if (missing) return missing;
  if (ref.kind === "discussion_comment") {
    if (!api.hasToken) return { outcome: "mismatch", reason: DISCUSSION_NEEDS_TOKEN };
    const answer = await api.discussion(ref.owner, ref.repo, ref.number);
    const found = answer ? findDiscussionComment(answer, ref.commentId) : null;
    if (found && !found.comment) {
      return { outcome: "mismatch", reason: "Rapport did not find this comment among the discussion's first 100 comments and their replies; it waits for the other member to confirm." };
    }
    return judged(ref, found?.comment ?? null, found?.parentAuthorId ?? null, facts);
  }
  let comment: GitHubComment | null = null;
  let parentPath: string | null = null;
  if (ref.kind === "issue_comment") {
    const c = await api.issueComment(ref.owner, ref.repo, ref.commentId);
    if (c) {
      comment = { userId: c.user?.id ?? null, login: c.user?.login ?? null, createdAt: c.created_at, body: c.body ?? "", htmlUrl: c.html_url };
      parentPath = c.issue_url;
    }
  } else {
    const c = await api.reviewComment(ref.owner, ref.repo, ref.commentId);
    if (c) {
      comment = { userId: c.user?.id ?? null, login: c.user?.login ?? null, createdAt: c.created_at, body: c.body, htmlUrl: c.html_url };
      parentPath = c.pull_request_url;
    }
  }
  if (!comment) return judged(ref, null, null, facts);
  if (!sameThread(ref, comment.htmlUrl) || !apiUrlNames(ref, parentPath)) return elsewhere(ref);
  const parent = await api.issue(ref.owner, ref.repo, ref.number);
  return judged(ref, comment, parent?.user?.id ?? null, facts);
}

function judged(ref: GitHubCommentRef, comment: GitHubComment | null, parentAuthorId: string | null, facts: GitHubFacts): Verdict {
  if (comment && !sameThread(ref, comment.htmlUrl)) return elsewhere(ref);
  return judgeGitHubEvidence(comment, parentAuthorId, facts);
}

function elsewhere(ref: GitHubCommentRef): Verdict {
  const where = ref.kind === "discussion_comment" ? "discussion" : ref.kind === "review_comment" ? "pull request" : "issue or pull request";
  return { outcome: "mismatch", reason: `That comment is not on ${ref.owner}/${ref.repo} ${where} #${ref.number}, as the link says — link the comment where it was written.` };
}

/** issue_url / pull_request_url (https://api.github.com/repos/o/r/issues/N) names the link's repository and number. */
function apiUrlNames(ref: GitHubCommentRef, apiUrl: string | null): boolean {
  if (!apiUrl) return false;
  const m = /\/repos\/([^/]+)\/([^/]+)\/(?:issues|pulls)\/([1-9][0-9]{0,9})\/?$/.exec(apiUrl);
  if (!m) return false;
  // the same comparison as html_url's, on github.com's spelling of the thread
  return sameThread(ref, `https://github.com/${m[1]}/${m[2]}/issues/${m[3]}`);
}
