// A fake Bluesky AppView for tests: the XRPC queries Rapport calls, answering with the
// bodies in tests/fixtures/bluesky (shaped as the atproto lexicons publish them), with DIDs,
// handles, dates and descriptions swapped in. Used by the integration tests and, on a port
// derived from E2E_PORT, by the Playwright server (start-server.mjs). `/__fake/*` lets a test
// change what the "network" shows (a profile description, a new reply, a deleted post).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readJson, sendJson as send } from "./fake-http.mjs";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/bluesky");
const fixture = (name) => fs.readFileSync(path.join(dir, name), "utf8");

const FIX = { actorDid: "did:plc:ana2ana2ana2ana2ana2ana2", actorHandle: "ana.bsky.social", targetDid: "did:plc:grace3grace3grace3grace3", targetHandle: "grace.bsky.social" };

function swap(text, pairs) {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

export function createFakeBluesky() {
  /** handle → did */
  const handles = new Map();
  /** did → profile */
  const profiles = new Map();
  /** at-uri → getPostThread body */
  const threads = new Map();
  const state = { rateLimit: null, requests: [] };

  function addAccount({ handle, did, displayName = handle, description = "" }) {
    handles.set(handle, did);
    const p = JSON.parse(swap(fixture("getProfile.json"), [[FIX.targetDid, did], [FIX.targetHandle, handle], ["Grace Kim", displayName]]));
    p.description = description;
    profiles.set(did, p);
  }

  function setDescription(did, description) {
    const p = profiles.get(did);
    if (!p) throw new Error(`no fake account ${did}`);
    p.description = description;
  }

  /**
   * A reply by `author` to a post of `parent` (both added accounts), mentioning `mention` (default: parent).
   * `replyTo: false` makes it a plain post that only mentions `mentionDid`. It is in the author's feed too.
   */
  function addReply({ authorDid, parentDid, rkey, createdAt, mentionDid = parentDid, text, replyTo = true }) {
    const a = profiles.get(authorDid);
    const p = profiles.get(parentDid);
    if (!a || !p) throw new Error("addReply: add both accounts first");
    const body = JSON.parse(
      swap(fixture("getPostThread-reply.json"), [
        [FIX.actorDid, authorDid],
        [FIX.actorHandle, a.handle],
        [FIX.targetDid, parentDid],
        [FIX.targetHandle, p.handle],
        ["3lbreply2ana2", rkey],
      ]),
    );
    body.thread.post.record.createdAt = createdAt;
    body.thread.post.indexedAt = createdAt;
    body.thread.post.record.facets[0].features[0].did = mentionDid;
    if (text) body.thread.post.record.text = text;
    if (!replyTo) {
      delete body.thread.post.record.reply;
      delete body.thread.parent;
    }
    const uri = `at://${authorDid}/app.bsky.feed.post/${rkey}`;
    threads.set(uri, body);
    return { uri, url: `https://bsky.app/profile/${a.handle}/post/${rkey}` };
  }

  /**
   * app.bsky.feed.getAuthorFeed (filter posts_with_replies): the account's posts, newest first, as
   * #feedViewPost — the post, and for a reply its #replyRef (root and parent as #postView). The
   * cursor is the offset of the next page.
   */
  function authorFeed(actor, limit, cursor) {
    const did = actor.startsWith("did:") ? actor : handles.get(actor);
    if (!did || !profiles.has(did)) return null;
    const posts = [...threads.values()]
      .filter((t) => t.thread.post?.author.did === did)
      .sort((a, b) => b.thread.post.indexedAt.localeCompare(a.thread.post.indexedAt));
    const from = Number(cursor || 0);
    const feed = posts.slice(from, from + limit).map((t) => {
      const item = { post: structuredClone(t.thread.post) };
      const parent = t.thread.parent?.post;
      if (parent) {
        const view = { $type: "app.bsky.feed.defs#postView", ...structuredClone(parent) };
        item.reply = { root: view, parent: view };
      }
      return item;
    });
    return from + limit < posts.length ? { cursor: String(from + limit), feed } : { feed };
  }

  function deletePost(uri) {
    threads.delete(uri);
  }

  /** The next `times` XRPC calls answer 429 with Retry-After: seconds. */
  function rateLimit(seconds, times = 1) {
    state.rateLimit = { seconds, times };
  }



  async function handler(req, res) {
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/__fake/") && req.method === "POST") {
      try {
        const b = await readJson(req);
        if (url.pathname === "/__fake/account") addAccount(b);
        else if (url.pathname === "/__fake/description") setDescription(b.did, b.description);
        else if (url.pathname === "/__fake/reply") return send(res, 200, addReply(b));
        else if (url.pathname === "/__fake/delete") deletePost(b.uri);
        else return send(res, 404, { error: "unknown fake control" });
        return send(res, 200, { ok: true });
      } catch (e) {
        return send(res, 400, { error: String(e) });
      }
    }
    state.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), userAgent: req.headers["user-agent"], at: Date.now() });
    if (state.rateLimit && state.rateLimit.times > 0) {
      state.rateLimit.times--;
      return send(res, 429, { error: "RateLimitExceeded", message: "Rate Limit Exceeded" }, { "retry-after": String(state.rateLimit.seconds) });
    }
    const invalid = (message) => send(res, 400, swap(fixture("error-InvalidRequest.json"), [["Unable to resolve handle", message]]));
    switch (url.pathname) {
      case "/xrpc/com.atproto.identity.resolveHandle": {
        const did = handles.get((url.searchParams.get("handle") ?? "").toLowerCase());
        return did ? send(res, 200, swap(fixture("resolveHandle.json"), [[FIX.targetDid, did]])) : invalid("Unable to resolve handle");
      }
      case "/xrpc/app.bsky.actor.getProfile": {
        const actor = url.searchParams.get("actor") ?? "";
        const p = profiles.get(actor.startsWith("did:") ? actor : (handles.get(actor) ?? ""));
        return p ? send(res, 200, p) : invalid("Profile not found");
      }
      case "/xrpc/app.bsky.feed.getAuthorFeed": {
        const limit = Math.min(100, Math.max(1, Number(url.searchParams.get("limit") || 50)));
        const page = authorFeed(url.searchParams.get("actor") ?? "", limit, url.searchParams.get("cursor"));
        return page ? send(res, 200, page) : invalid("Profile not found");
      }
      case "/xrpc/app.bsky.feed.getPostThread": {
        const uri = url.searchParams.get("uri") ?? "";
        const t = threads.get(uri);
        return t ? send(res, 200, t) : send(res, 400, swap(fixture("error-NotFound.json"), [["at://did:plc:ana2ana2ana2ana2ana2ana2/app.bsky.feed.post/3lbgone2ana2", uri]]));
      }
      default:
        return send(res, 404, { error: "MethodNotImplemented", message: "Method Not Implemented" });
    }
  }

  return { handler, addAccount, setDescription, addReply, deletePost, rateLimit, state, threads, authorFeed };
}
