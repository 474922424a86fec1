/**
 * "Found for you" on GitHub, pure: turning pages of a member's own public events into offers —
 * their comments on other members' issues and pull requests, and their @mentions of other members.
 * Shapes follow GitHub's REST description and "GitHub event types" (API version 2022-11-28):
 * GET /users/{username}/events/public → event[] { id, type, actor { id, login }, payload, created_at };
 * IssueCommentEvent payload { action: "created", issue, comment }; PullRequestReviewCommentEvent
 * payload { action: "created", pull_request, comment }. Since 7 October 2025 GitHub sends slimmer
 * payloads (no `author_association`; a pull request cut to { url, id, number, head, base }), so
 * everything past the comment itself is optional here and what cannot be judged is left out.
 * No I/O, no clock.
 */
import { z } from "zod";
import type { FoundPost } from "./found";
import { ZGitHubId, ZGitHubSimpleUser, mentionedLogins, parseGitHubCommentUrl, type GitHubCommentRef } from "./github";

/** Events per page: GitHub's maximum; it keeps 300 events (three pages) of the past 30 days. */
export const EVENTS_PER_PAGE = 100;

export const ZGitHubEvent = z.looseObject({
  id: z.string(),
  type: z.string().nullable(),
  actor: z.looseObject({ id: ZGitHubId, login: z.string() }),
  // each event type has its own payload: judged per event, a malformed one skipped
  payload: z.unknown(),
  created_at: z.string().nullable(),
});
export const ZGitHubEvents = z.array(ZGitHubEvent);
export type GitHubEvent = z.infer<typeof ZGitHubEvent>;

/** "issue-comment" / "pull-request-review-comment", as far as judging them needs. */
const ZEventComment = z.looseObject({
  id: ZGitHubId,
  node_id: z.string().min(1),
  html_url: z.string(),
  user: ZGitHubSimpleUser.nullable().optional(),
  body: z.string().nullable().optional(),
  created_at: z.string(),
});
/** The issue or pull request a comment is on: its author, when the payload still carries it. */
const ZParent = z.looseObject({ user: ZGitHubSimpleUser.nullable().optional() });
const ZIssueCommentPayload = z.looseObject({ action: z.string().optional(), issue: ZParent, comment: ZEventComment });
const ZReviewCommentPayload = z.looseObject({ action: z.string().optional(), pull_request: ZParent, comment: ZEventComment });

type Judged = { comment: z.infer<typeof ZEventComment>; parent: z.infer<typeof ZParent>; linkKind: GitHubCommentRef["kind"] };

/**
 * The comments in the actor's public events that concern someone else. A comment the actor
 * created (IssueCommentEvent, PullRequestReviewCommentEvent; action "created") on an issue or pull
 * request someone else opened is a "comment" to that author, by their numeric id; each other
 * @login it mentions is a "mention", by login — not the actor, not the author already counted.
 * Its link is the comment's html_url, kept only when it is a link the evidence check reads for
 * that same comment id. Events by anyone else, edits, deletions and other event types are left out;
 * so is the author of a pull request the payload no longer names (only the mentions remain).
 */
export function postsFromEvents(events: readonly GitHubEvent[], actor: { id: string; login: string }): FoundPost[] {
  const out: FoundPost[] = [];
  const seen = new Set<string>();
  const me = actor.login.toLowerCase();
  for (const event of events) {
    if (event.actor.id !== actor.id) continue;
    const j = judged(event);
    if (!j || j.comment.user?.id !== actor.id) continue;
    const ref = parseGitHubCommentUrl(j.comment.html_url);
    if (!ref || ref.kind !== j.linkKind || ref.commentId !== j.comment.id) continue;
    const occurredAt = new Date(j.comment.created_at);
    if (Number.isNaN(occurredAt.getTime())) continue;
    const post = { postUri: j.comment.node_id, postUrl: j.comment.html_url, occurredAt };
    if (seen.has(post.postUri)) continue; // the same comment on two pages
    seen.add(post.postUri);
    const author = j.parent.user ?? null;
    if (author && author.id !== actor.id) out.push({ ...post, target: { id: author.id }, kind: "comment" });
    const counted = author?.login.toLowerCase();
    for (const login of mentionedLogins(j.comment.body ?? "")) {
      if (login !== me && login !== counted) out.push({ ...post, target: { handle: login }, kind: "mention" });
    }
  }
  return out;
}

/**
 * Whether the reader has read far enough back: the page is empty or short (the last one), or its
 * oldest event (they run newest first) happened before `start`.
 */
export function reachedStart(page: readonly GitHubEvent[], start: Date): boolean {
  if (page.length < EVENTS_PER_PAGE) return true;
  const last = Date.parse(page[page.length - 1].created_at ?? "");
  return !Number.isNaN(last) && last < start.getTime();
}

function judged(event: GitHubEvent): Judged | null {
  if (event.type === "IssueCommentEvent") {
    const p = ZIssueCommentPayload.safeParse(event.payload);
    return p.success && p.data.action === "created" ? { comment: p.data.comment, parent: p.data.issue, linkKind: "issue_comment" } : null;
  }
  if (event.type === "PullRequestReviewCommentEvent") {
    const p = ZReviewCommentPayload.safeParse(event.payload);
    return p.success && p.data.action === "created" ? { comment: p.data.comment, parent: p.data.pull_request, linkKind: "review_comment" } : null;
  }
  return null;
}
