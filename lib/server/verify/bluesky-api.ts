import "server-only";
import { z } from "zod";
import { ZGetPostThread, type GetPostThreadOutput } from "@/lib/verify/bluesky";
import { ZGetAuthorFeed, type GetAuthorFeedOutput } from "@/lib/verify/bluesky-feed";
import type { VerifyConfig } from "./config";
import { ProviderFault, type Fetcher } from "./safe-fetch";

/**
 * The Bluesky XRPC queries Rapport uses, on the operator's AppView base
 * (RAPPORT_BLUESKY_API). Only identifiers parsed out of what members typed go into the query
 * string; the host is always the configured one.
 */
export type BlueskyApi = {
  resolveHandle: (handle: string) => Promise<string | null>;
  getProfile: (actor: string) => Promise<{ did: string; handle: string; description: string } | null>;
  getPostThread: (uri: string) => Promise<GetPostThreadOutput>;
  /** one page (≤ 100 posts, newest first) of an account's own posts and replies; null when Bluesky will not show it (unknown, blocked) */
  getAuthorFeed: (actor: string, cursor?: string) => Promise<GetAuthorFeedOutput | null>;
};

const ZXrpcError = z.looseObject({ error: z.string(), message: z.string().optional() });
const ZResolved = z.looseObject({ did: z.string().startsWith("did:") });
const ZProfile = z.looseObject({ did: z.string(), handle: z.string(), description: z.string().optional() });

export function blueskyApi(fetcher: Fetcher, config: Pick<VerifyConfig, "blueskyApi">): BlueskyApi {
  async function xrpc(method: string, params: Record<string, string>, fresh = false) {
    const url = `${config.blueskyApi}/xrpc/${method}?${new URLSearchParams(params)}`;
    return fetcher.fetch({ provider: "bluesky", url, trust: "operator", fresh });
  }
  function errorName(body: unknown): string | null {
    const e = ZXrpcError.safeParse(body);
    return e.success ? e.data.error : null;
  }
  function shaped<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const r = schema.safeParse(body);
    if (!r.success) throw new ProviderFault(`Bluesky answered ${what} in an unexpected shape`);
    return r.data;
  }
  return {
    async resolveHandle(handle) {
      const res = await xrpc("com.atproto.identity.resolveHandle", { handle });
      if (res.status === 400) return null; // InvalidRequest / "Unable to resolve handle"
      if (res.status !== 200) throw new ProviderFault(`Bluesky answered ${res.status} to resolveHandle`);
      return shaped(ZResolved, res.body, "resolveHandle").did;
    },
    async getProfile(actor) {
      // never from the cache: the member has just saved the code in their description
      const res = await xrpc("app.bsky.actor.getProfile", { actor }, true);
      if (res.status === 400) return null; // "Profile not found"
      if (res.status !== 200) throw new ProviderFault(`Bluesky answered ${res.status} to getProfile`);
      const p = shaped(ZProfile, res.body, "getProfile");
      return { did: p.did, handle: p.handle, description: p.description ?? "" };
    },
    async getPostThread(uri) {
      const res = await xrpc("app.bsky.feed.getPostThread", { uri, depth: "0", parentHeight: "1" });
      if (res.status === 400 && errorName(res.body) === "NotFound") return { thread: { $type: "app.bsky.feed.defs#notFoundPost" } };
      if (res.status !== 200) throw new ProviderFault(`Bluesky answered ${res.status} to getPostThread`);
      return shaped(ZGetPostThread, res.body, "getPostThread");
    },
    async getAuthorFeed(actor, cursor) {
      // never from the cache: the finder runs once a day and wants what is there now
      const res = await xrpc("app.bsky.feed.getAuthorFeed", { actor, filter: "posts_with_replies", limit: "100", ...(cursor ? { cursor } : {}) }, true);
      if (res.status === 400) return null; // InvalidRequest "Profile not found", BlockedActor, BlockedByActor
      if (res.status !== 200) throw new ProviderFault(`Bluesky answered ${res.status} to getAuthorFeed`);
      return shaped(ZGetAuthorFeed, res.body, "getAuthorFeed");
    },
  };
}
