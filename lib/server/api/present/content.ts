import "server-only";
import type { z } from "zod";
import type { FeedComment, FeedPost, SharedEmbed } from "@/lib/server/queries/feed";
import type { KudosItem } from "@/lib/server/queries/kudos-wall";
import type { ZComment, ZKudos, ZPost, ZReply } from "@/lib/validation/api/content";
import { iso, summary } from "./common";

type Reply = z.input<typeof ZReply>;

function reply(c: FeedComment): Reply {
  return {
    id: c.id,
    postId: c.postId,
    parentId: c.parentId,
    author: summary(c.author),
    body: c.body,
    createdAt: iso(c.createdAt),
    removed: c.removed,
    reactions: c.reactions,
  };
}

export const toCommentOut = (c: FeedComment): z.input<typeof ZComment> => ({ ...reply(c), replies: c.replies.map(reply) });

function shared(s: SharedEmbed | null) {
  if (!s) return null;
  return s.available ? { id: s.id, available: true as const, author: summary(s.author), body: s.body, createdAt: iso(s.createdAt) } : s;
}

export function toPostOut(p: FeedPost): z.input<typeof ZPost> {
  return {
    id: p.id,
    author: summary(p.author),
    body: p.body,
    createdAt: iso(p.createdAt),
    removed: p.removed,
    shared: shared(p.shared),
    reactions: p.reactions,
    commentCount: p.commentCount,
    comments: p.comments.map(toCommentOut),
  };
}

export const toKudosOut = (k: KudosItem): z.input<typeof ZKudos> => ({ id: k.id, author: summary(k.author), body: k.body, createdAt: iso(k.createdAt) });
