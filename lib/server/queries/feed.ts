import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { extractMentionHandles } from "@/lib/validation/post";
import { REACTION_TYPES, type ReactionType } from "@/lib/validation/reaction";

export type FeedMember = { id: string; handle: string; name: string; headline: string };
export type ReactionSummary = { counts: Record<ReactionType, number>; mine: ReactionType | null };
export type FeedComment = {
  id: string;
  postId: string;
  parentId: string | null;
  author: FeedMember;
  /** empty when removed: removed text is never sent to the page */
  body: string;
  createdAt: Date;
  removed: boolean;
  reactions: ReactionSummary;
  replies: FeedComment[];
};
/** The post a share points at, or why it cannot be shown. */
export type SharedEmbed =
  | { id: string; available: true; author: FeedMember; body: string; createdAt: Date }
  | { id: string | null; available: false; reason: "removed" | "unavailable" };
export type FeedPost = {
  id: string;
  author: FeedMember;
  body: string;
  createdAt: Date;
  removed: boolean;
  shared: SharedEmbed | null;
  reactions: ReactionSummary;
  /** visible comments and replies */
  commentCount: number;
  /** top-level threads, oldest first (the newest few on the feed, all on the post page) */
  comments: FeedComment[];
  /** top-level threads left out of `comments` (see them on the post page) */
  moreThreads: number;
};
export type FeedPage = {
  posts: FeedPost[];
  nextCursor: string | null;
  /** handles mentioned on this page that resolve to a member the viewer may see */
  mentionable: string[];
};

const MEMBER_SELECT = { id: true, handle: true, name: true, headline: true } as const;
const POST_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  deletedAt: true,
  author: { select: MEMBER_SELECT },
  sharedPostId: true,
  sharedPost: { select: { id: true, body: true, createdAt: true, deletedAt: true, author: { select: MEMBER_SELECT } } },
} as const;

/** Everyone the member blocked or was blocked by, in one query: they are invisible to each other. */
export async function blockedWith(db: Tx, memberId: string | null): Promise<Set<string>> {
  if (!memberId) return new Set();
  const rows = await db.block.findMany({
    where: { OR: [{ blockerId: memberId }, { blockedId: memberId }] },
    select: { blockerId: true, blockedId: true },
  });
  return new Set(rows.map((r) => (r.blockerId === memberId ? r.blockedId : r.blockerId)));
}

/** Cursor = the last post's (createdAt, id): stable under inserts, unlike an offset. */
export function encodeCursor(p: { createdAt: Date; id: string }): string {
  return Buffer.from(`${p.createdAt.toISOString()}|${p.id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined | null): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  return id && Number.isFinite(createdAt.getTime()) ? { createdAt, id } : null;
}

/**
 * A page of posts, newest first (createdAt desc, id desc), as the viewer may see them:
 * authors in a block with the viewer are left out, removed posts too. A fixed number of
 * queries whatever the page size.
 */
export async function listPosts(
  db: Tx,
  p: {
    viewerId: string | null;
    authorId?: string;
    cursor?: string | null;
    limit?: number;
    threadsPerPost?: number;
    /** the viewer's blockedWith(), when the page already read it */
    blocked?: Set<string>;
  },
): Promise<FeedPage> {
  const limit = Math.min(Math.max(p.limit ?? 20, 1), 50);
  const blocked = p.blocked ?? (await blockedWith(db, p.viewerId));
  const after = decodeCursor(p.cursor);
  const rows = await db.post.findMany({
    where: {
      deletedAt: null,
      authorId: p.authorId,
      NOT: blocked.size ? { authorId: { in: [...blocked] } } : undefined,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: POST_SELECT,
  });
  const page = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1]) : null;
  const { posts, mentionable } = await hydrate(db, page, p.viewerId, blocked, p.threadsPerPost ?? 3);
  return { posts, nextCursor, mentionable };
}

/**
 * One post with its whole thread, or null when it does not exist for the viewer (unknown, or
 * its author is in a block with them). A removed post comes back as a placeholder.
 */
export async function getPost(db: Tx, p: { viewerId: string | null; postId: string }): Promise<{ post: FeedPost; mentionable: string[] } | null> {
  const blocked = await blockedWith(db, p.viewerId);
  const row = await db.post.findUnique({ where: { id: p.postId }, select: POST_SELECT });
  if (!row || blocked.has(row.author.id)) return null;
  const { posts, mentionable } = await hydrate(db, [row], p.viewerId, blocked, Infinity);
  return { post: posts[0], mentionable };
}

type PostRow = Prisma.PostGetPayload<{ select: typeof POST_SELECT }>;

const emptyCounts = (): Record<ReactionType, number> => Object.fromEntries(REACTION_TYPES.map((t) => [t, 0])) as Record<ReactionType, number>;

async function hydrate(db: Tx, rows: PostRow[], viewerId: string | null, blocked: Set<string>, threadsPerPost: number) {
  const liveIds = rows.filter((r) => !r.deletedAt).map((r) => r.id);
  const comments = liveIds.length
    ? await db.comment.findMany({
        where: { postId: { in: liveIds }, ...(blocked.size ? { authorId: { notIn: [...blocked] } } : {}) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, postId: true, parentId: true, body: true, createdAt: true, deletedAt: true, author: { select: MEMBER_SELECT } },
      })
    : [];
  const commentIds = comments.filter((c) => !c.deletedAt).map((c) => c.id);
  const [postCounts, commentCounts, mine] = await Promise.all([
    liveIds.length
      ? db.reaction.groupBy({ by: ["postId", "type"], where: { postId: { in: liveIds } }, _count: { _all: true } })
      : Promise.resolve([]),
    commentIds.length
      ? db.reaction.groupBy({ by: ["commentId", "type"], where: { commentId: { in: commentIds } }, _count: { _all: true } })
      : Promise.resolve([]),
    viewerId && (liveIds.length || commentIds.length)
      ? db.reaction.findMany({
          where: { memberId: viewerId, OR: [{ postId: { in: liveIds } }, { commentId: { in: commentIds } }] },
          select: { postId: true, commentId: true, type: true },
        })
      : Promise.resolve([]),
  ]);

  const summaries = new Map<string, ReactionSummary>();
  const summary = (key: string) => {
    let s = summaries.get(key);
    if (!s) summaries.set(key, (s = { counts: emptyCounts(), mine: null }));
    return s;
  };
  for (const g of postCounts) if (g.postId && isReaction(g.type)) summary(`p:${g.postId}`).counts[g.type] = g._count._all;
  for (const g of commentCounts) if (g.commentId && isReaction(g.type)) summary(`c:${g.commentId}`).counts[g.type] = g._count._all;
  for (const r of mine) if (isReaction(r.type)) summary(r.postId ? `p:${r.postId}` : `c:${r.commentId}`).mine = r.type;

  // Threads: replies under their top-level comment. A removed comment stays as a
  // placeholder only while it has visible replies; replies whose thread is hidden go too.
  const byPost = new Map<string, FeedComment[]>();
  const tops = new Map<string, FeedComment>();
  const toComment = (c: (typeof comments)[number]): FeedComment => ({
    id: c.id,
    postId: c.postId,
    parentId: c.parentId,
    author: c.author,
    body: c.deletedAt ? "" : c.body,
    createdAt: c.createdAt,
    removed: c.deletedAt !== null,
    reactions: summary(`c:${c.id}`),
    replies: [],
  });
  for (const c of comments) if (!c.parentId) tops.set(c.id, toComment(c));
  for (const c of comments) if (c.parentId && !c.deletedAt) tops.get(c.parentId)?.replies.push(toComment(c));
  const counts = new Map<string, number>();
  for (const top of tops.values()) {
    if (top.removed && top.replies.length === 0) continue;
    let list = byPost.get(top.postId);
    if (!list) byPost.set(top.postId, (list = []));
    list.push(top);
    counts.set(top.postId, (counts.get(top.postId) ?? 0) + (top.removed ? 0 : 1) + top.replies.length);
  }

  const handles = new Set<string>();
  const posts: FeedPost[] = rows.map((r) => {
    const removed = r.deletedAt !== null;
    const threads = removed ? [] : (byPost.get(r.id) ?? []);
    const shown = threads.length > threadsPerPost ? threads.slice(threads.length - threadsPerPost) : threads;
    let shared: SharedEmbed | null = null;
    if (r.sharedPostId) {
      const s = r.sharedPost;
      if (!s || s.deletedAt) shared = { id: r.sharedPostId, available: false, reason: "removed" };
      else if (blocked.has(s.author.id)) shared = { id: null, available: false, reason: "unavailable" };
      else shared = { id: s.id, available: true, author: s.author, body: s.body, createdAt: s.createdAt };
    }
    if (!removed) {
      for (const h of extractMentionHandles(r.body, Infinity)) handles.add(h);
      if (shared?.available) for (const h of extractMentionHandles(shared.body, Infinity)) handles.add(h);
      for (const t of shown) for (const c of [t, ...t.replies]) for (const h of extractMentionHandles(c.body, Infinity)) handles.add(h);
    }
    return {
      id: r.id,
      author: r.author,
      body: removed ? "" : r.body,
      createdAt: r.createdAt,
      removed,
      shared: removed ? null : shared,
      reactions: summary(`p:${r.id}`),
      commentCount: removed ? 0 : (counts.get(r.id) ?? 0),
      comments: shown,
      moreThreads: threads.length - shown.length,
    };
  });

  const mentionable = handles.size
    ? (
        await db.member.findMany({
          where: { handle: { in: [...handles] }, ...(blocked.size ? { id: { notIn: [...blocked] } } : {}) },
          select: { handle: true },
        })
      ).map((m) => m.handle)
    : [];
  return { posts, mentionable };
}

function isReaction(t: string): t is ReactionType {
  return (REACTION_TYPES as readonly string[]).includes(t);
}
