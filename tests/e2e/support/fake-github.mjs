// A fake GitHub REST API for the Playwright server (start-server.mjs runs it on E2E_PORT + 2001 and
// points RAPPORT_GITHUB_API at it) and for integration tests: the reads Rapport makes, answering
// with the bodies in tests/fixtures/github (shaped as GitHub's REST description publishes them)
// with ids, logins, dates and contents swapped in. `/__fake/*` lets a journey add accounts, gists
// and comments. A comment also lands in its author's public events (GET /users/{login}/events/public,
// newest first, paged like GitHub's: per_page up to 100, 300 events at most, 422 past them).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readJson, sendJson as send } from "./fake-http.mjs";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/github");
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

const EVENTS_KEPT = 300;
const template = (type) => structuredClone(fixture("user-events-public.json").find((e) => e.type === type));

export function createFakeGitHub() {
  /** lower-cased login → user; id → user */
  const byLogin = new Map();
  const byId = new Map();
  /** path → body */
  const routes = new Map();
  /** user id → their public events, newest first */
  const timelines = new Map();
  const state = { requests: [], rateLimit: null };
  let nextEventId = 45_000_000_000;

  function addUser({ id, login }) {
    const u = { ...fixture("user.json"), id: Number(id), login, html_url: `https://github.com/${login}`, url: `https://api.github.com/users/${login}` };
    byLogin.set(login.toLowerCase(), u);
    byId.set(String(id), u);
    return u;
  }
  const user = (id) => {
    const u = byId.get(String(id));
    if (!u) throw new Error(`no fake GitHub user ${id}`);
    return u;
  };

  function addGist({ id, ownerId, content }) {
    routes.set(`/gists/${id}`, { ...fixture("gist.json"), id, html_url: `https://gist.github.com/${id}`, owner: user(ownerId), files: { "rapport.md": { filename: "rapport.md", type: "text/markdown", size: content.length, truncated: false, content } } });
    return { url: `https://gist.github.com/${user(ownerId).login}/${id}` };
  }

  /** An event in `actorId`'s public timeline, kept newest first (`event` as GitHub's event schema has it, minus id and actor). */
  function addEvent(actorId, event) {
    const u = user(actorId);
    const e = { id: String(nextEventId++), ...event, actor: { id: u.id, login: u.login, display_login: u.login, gravatar_id: "", url: u.url, avatar_url: u.avatar_url } };
    const list = timelines.get(String(actorId)) ?? [];
    list.push(e);
    list.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    timelines.set(String(actorId), list);
    return e;
  }
  const repoOf = (repo) => ({ id: 5000, name: repo, url: `https://api.github.com/repos/${repo}` });

  /** The issue (or pull request: `kind` "pull") `number` on `repo`, opened by `openerId`. */
  function setIssue({ repo, number, openerId, kind = "issues" }) {
    const issue = { ...fixture("issue.json"), number, html_url: `https://github.com/${repo}/${kind}/${number}`, user: user(openerId) };
    if (kind !== "pull") delete issue.pull_request;
    routes.set(`/repos/${repo}/issues/${number}`, issue);
    return issue;
  }

  /**
   * An issue (or pull request) on `repo` opened by `openerId`, and a comment on it by `authorId`,
   * which also shows in the author's public events (an IssueCommentEvent, "created").
   */
  function addComment({ repo, number, id, authorId, openerId, createdAt, body = "Thanks — this helped.", kind = "issues" }) {
    const issue = setIssue({ repo, number, openerId, kind });
    const html = `https://github.com/${repo}/${kind}/${number}#issuecomment-${id}`;
    const comment = {
      ...fixture("issue-comment.json"),
      id: Number(id),
      node_id: `IC_fake${id}`,
      body,
      created_at: createdAt,
      updated_at: createdAt,
      user: user(authorId),
      html_url: html,
      url: `https://api.github.com/repos/${repo}/issues/comments/${id}`,
      issue_url: `https://api.github.com/repos/${repo}/issues/${number}`,
    };
    delete comment.author_association; // not in event payloads since October 2025
    routes.set(`/repos/${repo}/issues/comments/${id}`, comment);
    const event = template("IssueCommentEvent");
    addEvent(authorId, { ...event, repo: repoOf(repo), payload: { action: "created", issue, comment }, created_at: createdAt });
    return { url: html };
  }

  /**
   * A pull request on `repo` opened by `openerId` and a review comment on it by `authorId`, also in
   * the author's public events (a PullRequestReviewCommentEvent; `stub`: the pull request as GitHub
   * has sent it since October 2025, without its author).
   */
  function addReviewComment({ repo, number, id, authorId, openerId, createdAt, body = "Nice — one question.", stub = false }) {
    setIssue({ repo, number, openerId, kind: "pull" });
    const html = `https://github.com/${repo}/pull/${number}#discussion_r${id}`;
    const comment = {
      ...fixture("pull-request-review-comment.json"),
      id: Number(id),
      node_id: `PRRC_fake${id}`,
      body,
      created_at: createdAt,
      updated_at: createdAt,
      user: user(authorId),
      html_url: html,
      url: `https://api.github.com/repos/${repo}/pulls/comments/${id}`,
      pull_request_url: `https://api.github.com/repos/${repo}/pulls/${number}`,
    };
    delete comment.author_association;
    routes.set(`/repos/${repo}/pulls/comments/${id}`, comment);
    const event = template("PullRequestReviewCommentEvent");
    const url = `https://api.github.com/repos/${repo}/pulls/${number}`;
    const pull_request = stub
      ? { url, id: 2_300_000 + number, number, head: event.payload.pull_request.head, base: event.payload.pull_request.base }
      : { ...event.payload.pull_request, url, number, html_url: `https://github.com/${repo}/pull/${number}`, user: user(openerId) };
    addEvent(authorId, { ...event, repo: repoOf(repo), payload: { action: "created", comment, pull_request }, created_at: createdAt });
    return { url: html };
  }

  /** The next `times` requests answer 429 with Retry-After: `seconds` (a secondary rate limit). */
  function rateLimit(seconds, times = 1) {
    state.rateLimit = { seconds, times };
  }

  function publicEvents(res, login, query) {
    const u = byLogin.get(login.toLowerCase());
    if (!u) return send(res, 404, fixture("error-404.json"));
    const perPage = Math.min(Math.max(Number(query.get("per_page") ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.get("page") ?? 1) || 1, 1);
    const from = (page - 1) * perPage;
    if (from >= EVENTS_KEPT) {
      return send(res, 422, { message: "In order to keep the API fast for everyone, pagination is limited for this resource.", documentation_url: "https://docs.github.com/v3/#pagination", status: "422" });
    }
    const all = (timelines.get(String(u.id)) ?? []).slice(0, EVENTS_KEPT);
    return send(res, 200, all.slice(from, Math.min(from + perPage, EVENTS_KEPT)));
  }



  async function handler(req, res) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/__fake/") && req.method === "POST") {
      try {
        const b = await readJson(req);
        if (url.pathname === "/__fake/user") return send(res, 200, addUser(b));
        if (url.pathname === "/__fake/gist") return send(res, 200, addGist(b));
        if (url.pathname === "/__fake/comment") return send(res, 200, addComment(b));
        if (url.pathname === "/__fake/review-comment") return send(res, 200, addReviewComment(b));
        return send(res, 404, { error: "unknown fake control" });
      } catch (e) {
        return send(res, 400, { error: String(e) });
      }
    }
    state.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, at: Date.now() });
    if (state.rateLimit && state.rateLimit.times > 0) {
      state.rateLimit.times--;
      return send(res, 429, { message: "You have exceeded a secondary rate limit." }, { "retry-after": String(state.rateLimit.seconds) });
    }
    let m;
    if ((m = /^\/users\/([^/]+)\/events\/public$/.exec(url.pathname))) return publicEvents(res, decodeURIComponent(m[1]), url.searchParams);
    if ((m = /^\/users\/([^/]+)$/.exec(url.pathname))) {
      const u = byLogin.get(decodeURIComponent(m[1]).toLowerCase());
      return u ? send(res, 200, u) : send(res, 404, fixture("error-404.json"));
    }
    if ((m = /^\/user\/(\d+)$/.exec(url.pathname))) {
      const u = byId.get(m[1]);
      return u ? send(res, 200, u) : send(res, 404, fixture("error-404.json"));
    }
    const hit = routes.get(url.pathname);
    return hit ? send(res, 200, hit) : send(res, 404, fixture("error-404.json"));
  }

  return { handler, addUser, addGist, addComment, addReviewComment, addEvent, rateLimit, state, routes };
}
