import "server-only";
import type { z } from "zod";
import {
  DISCUSSION_QUERY,
  ZDiscussionAnswer,
  ZGitHubGist,
  ZGitHubIssue,
  ZGitHubIssueComment,
  ZGitHubReviewComment,
  ZGitHubUser,
  gitHubRateLimitRetryAt,
  type DiscussionAnswer,
  type GitHubGist,
  type GitHubIssue,
  type GitHubIssueComment,
  type GitHubReviewComment,
  type GitHubUser,
} from "@/lib/verify/github";
import { EVENTS_PER_PAGE, ZGitHubEvents, type GitHubEvent } from "@/lib/verify/github-events";
import type { VerifyConfig } from "./config";
import { ProviderFault, type Fetcher } from "./safe-fetch";

/**
 * The GitHub reads Rapport makes, on the operator's API base (RAPPORT_GITHUB_API, trusted as
 * configured like the Bluesky base). Only ids and names parsed out of what members typed go
 * into the path, each URL-encoded; the host is always the configured one. With GITHUB_TOKEN set
 * every request carries it (a higher rate limit, and GraphQL); it is never logged nor put in an
 * error. A rate limit (429, or 403 with x-ratelimit-remaining 0) goes through the fetcher's gate
 * for "github" and, when long, throws ProviderFault with the time to try again.
 */
export type GitHubApi = {
  /** whether a token is configured: discussion comments can be read only with one */
  hasToken: boolean;
  /** GET /user/{account_id}: an account by its numeric id (logins change, ids do not) */
  userById: (id: string) => Promise<GitHubUser | null>;
  /** GET /users/{username} */
  userByLogin: (login: string) => Promise<GitHubUser | null>;
  issueComment: (owner: string, repo: string, id: string) => Promise<GitHubIssueComment | null>;
  reviewComment: (owner: string, repo: string, id: string) => Promise<GitHubReviewComment | null>;
  /** GET /repos/{owner}/{repo}/issues/{number}: also answers for pull requests */
  issue: (owner: string, repo: string, number: number) => Promise<GitHubIssue | null>;
  /** never from the cache: the member has just created it */
  gist: (id: string) => Promise<GitHubGist | null>;
  /**
   * GET /users/{username}/events/public, page `page` (1-based) of 100, newest first, never from the
   * cache: the account's public activity of the past 30 days, at most 300 events. Null when GitHub
   * has no such user; [] past the end (GitHub answers 422 for a page beyond its 300 events).
   */
  listUserPublicEvents: (login: string, page: number) => Promise<GitHubEvent[] | null>;
  /** POST /graphql (token only): the discussion's author and comments; null when there is no such discussion */
  discussion: (owner: string, repo: string, number: number) => Promise<DiscussionAnswer | null>;
};

/** The most one page of events may weigh (the fetcher's usual limit is 1 MiB). */
export const EVENTS_MAX_BYTES = 4 * 1024 * 1024;

export function gitHubApi(fetcher: Fetcher, config: Pick<VerifyConfig, "githubApi" | "githubToken">): GitHubApi {
  const headers: Record<string, string> = {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    ...(config.githubToken ? { authorization: `Bearer ${config.githubToken}` } : {}),
  };
  const enc = encodeURIComponent;
  async function get<T>(path: string, schema: z.ZodType<T>, what: string, fresh = false): Promise<T | null> {
    const res = await fetcher.fetch({ provider: "github", url: `${config.githubApi}${path}`, trust: "operator", headers, fresh, rateLimitedUntil: gitHubRateLimitRetryAt });
    if (res.status === 404 || res.status === 410) return null;
    if (res.status !== 200) throw new ProviderFault(`GitHub answered ${res.status} to ${what}`);
    return shaped(schema, res.body, what);
  }
  return {
    hasToken: config.githubToken !== null,
    userById: (id) => get(`/user/${enc(id)}`, ZGitHubUser, "GET /user/{id}"),
    userByLogin: (login) => get(`/users/${enc(login)}`, ZGitHubUser, "GET /users/{login}", true),
    issueComment: (o, r, id) => get(`/repos/${enc(o)}/${enc(r)}/issues/comments/${enc(id)}`, ZGitHubIssueComment, "an issue comment"),
    reviewComment: (o, r, id) => get(`/repos/${enc(o)}/${enc(r)}/pulls/comments/${enc(id)}`, ZGitHubReviewComment, "a review comment"),
    issue: (o, r, n) => get(`/repos/${enc(o)}/${enc(r)}/issues/${n}`, ZGitHubIssue, "an issue"),
    gist: (id) => get(`/gists/${enc(id)}`, ZGitHubGist, "a gist", true),
    async listUserPublicEvents(login, page) {
      const what = "GET /users/{login}/events/public";
      const res = await fetcher.fetch({
        provider: "github",
        url: `${config.githubApi}/users/${enc(login)}/events/public?per_page=${EVENTS_PER_PAGE}&page=${page}`,
        trust: "operator",
        headers,
        fresh: true,
        // a page of 100 events carries whole issues and comments: more than the usual 1 MiB
        maxBytes: EVENTS_MAX_BYTES,
        rateLimitedUntil: gitHubRateLimitRetryAt,
      });
      if (res.status === 404 || res.status === 410) return null;
      if (res.status === 422) return [];
      if (res.status !== 200) throw new ProviderFault(`GitHub answered ${res.status} to ${what}`);
      return shaped(ZGitHubEvents, res.body, what);
    },
    async discussion(owner, repo, number) {
      if (!config.githubToken) throw new Error("GitHub's GraphQL API needs GITHUB_TOKEN");
      const res = await fetcher.fetch({
        provider: "github",
        url: `${config.githubApi}/graphql`,
        trust: "operator",
        headers,
        jsonBody: { query: DISCUSSION_QUERY, variables: { owner, repo, number } },
        rateLimitedUntil: gitHubRateLimitRetryAt,
      });
      if (res.status !== 200) throw new ProviderFault(`GitHub answered ${res.status} to a GraphQL query`);
      const answer = shaped(ZDiscussionAnswer, res.body, "a GraphQL query");
      // a missing repository or discussion is an error of type NOT_FOUND next to data that is null
      if (answer.errors?.some((e) => e.type === "NOT_FOUND")) return null;
      if (answer.errors?.length) throw new ProviderFault(`GitHub's GraphQL API answered an error (${answer.errors[0].type ?? "unknown"})`);
      return answer.data?.repository?.discussion ? answer : null;
    },
  };
}

function shaped<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new ProviderFault(`GitHub answered ${what} in an unexpected shape`);
  return r.data;
}
