import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

type Id = number | string;

export type FakeGitHub = {
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  addUser: (u: { id: Id; login: string }) => { id: number; login: string };
  addGist: (g: { id: string; ownerId: Id; content: string }) => { url: string };
  addComment: (c: { repo: string; number: number; id: string; authorId: Id; openerId: Id; createdAt: string; body?: string; kind?: "issues" | "pull" }) => { url: string };
  addReviewComment: (c: { repo: string; number: number; id: string; authorId: Id; openerId: Id; createdAt: string; body?: string; stub?: boolean }) => { url: string };
  addEvent: (actorId: Id, event: { type: string; repo?: unknown; payload: unknown; public?: boolean; created_at: string }) => { id: string };
  rateLimit: (seconds: number, times?: number) => void;
  state: { rateLimit: { seconds: number; times: number } | null; requests: { path: string; query: Record<string, string>; headers: IncomingHttpHeaders; at: number }[] };
  routes: Map<string, unknown>;
};

export function createFakeGitHub(): FakeGitHub;
