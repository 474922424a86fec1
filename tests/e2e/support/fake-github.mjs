// A fake GitHub REST API for the Playwright server (start-server.mjs runs it on E2E_PORT + 2001 and
// points RAPPORT_GITHUB_API at it): the reads Rapport makes, answering with the bodies in
// tests/fixtures/github (shaped as GitHub's REST description publishes them) with ids, logins,
// dates and contents swapped in. `/__fake/*` lets a journey add accounts, gists and comments.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/github");
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));

export function createFakeGitHub() {
  /** lower-cased login → user; id → user */
  const byLogin = new Map();
  const byId = new Map();
  /** path → body */
  const routes = new Map();

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

  /** An issue on `repo` opened by `openerId`, and a comment on it by `authorId`. */
  function addComment({ repo, number, id, authorId, openerId, createdAt, body = "Thanks — this helped." }) {
    routes.set(`/repos/${repo}/issues/${number}`, { ...fixture("issue.json"), number, html_url: `https://github.com/${repo}/issues/${number}`, user: user(openerId) });
    const html = `https://github.com/${repo}/issues/${number}#issuecomment-${id}`;
    routes.set(`/repos/${repo}/issues/comments/${id}`, {
      ...fixture("issue-comment.json"),
      id: Number(id),
      body,
      created_at: createdAt,
      user: user(authorId),
      html_url: html,
      issue_url: `https://api.github.com/repos/${repo}/issues/${number}`,
    });
    return { url: html };
  }

  function send(res, status, body) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }

  function readJson(req) {
    return new Promise((resolve, reject) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => {
        try {
          resolve(data ? JSON.parse(data) : {});
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  async function handler(req, res) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/__fake/") && req.method === "POST") {
      try {
        const b = await readJson(req);
        if (url.pathname === "/__fake/user") return send(res, 200, addUser(b));
        if (url.pathname === "/__fake/gist") return send(res, 200, addGist(b));
        if (url.pathname === "/__fake/comment") return send(res, 200, addComment(b));
        return send(res, 404, { error: "unknown fake control" });
      } catch (e) {
        return send(res, 400, { error: String(e) });
      }
    }
    let m;
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

  return { handler, addUser, addGist, addComment };
}
