import type { IncomingMessage, ServerResponse } from "node:http";

export type FakeBluesky = {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  addAccount: (a: { handle: string; did: string; displayName?: string; description?: string }) => void;
  setDescription: (did: string, description: string) => void;
  addReply: (r: { authorDid: string; parentDid: string; rkey: string; createdAt: string; mentionDid?: string; text?: string; replyTo?: boolean }) => { uri: string; url: string };
  authorFeed: (actor: string, limit: number, cursor?: string | null) => { cursor?: string; feed: unknown[] } | null;
  deletePost: (uri: string) => void;
  rateLimit: (seconds: number, times?: number) => void;
  state: { rateLimit: { seconds: number; times: number } | null; requests: { path: string; query: Record<string, string>; userAgent?: string; at: number }[] };
  threads: Map<string, unknown>;
};

export function createFakeBluesky(): FakeBluesky;
