import "server-only";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { DAY, HOUR } from "@/lib/warmup/time";
import { enforceRateLimit } from "./rate-limit";

type Since = { gt: Date };
/** The member's newest rows' creation times, as enforceRateLimit's `recent` wants them. */
const newest = (take: number) => ({ orderBy: { createdAt: "desc" as const }, take, select: { createdAt: true as const } });

type ContentLimit = {
  limit: (content: TAppSettings["content"]) => number;
  windowMs: number;
  verb: string;
  what: string;
  recent: (tx: Tx, memberId: string, createdAt: Since, take: number) => Promise<{ createdAt: Date }[]>;
};

/** What members write, each with its admin-set limit per rolling window. */
const CONTENT_LIMITS = {
  post: {
    limit: (c) => c.postsPerHour, windowMs: HOUR, verb: "post", what: "posts per hour",
    recent: (tx, authorId, createdAt, take) => tx.post.findMany({ where: { authorId, createdAt }, ...newest(take) }),
  },
  comment: {
    limit: (c) => c.commentsPerHour, windowMs: HOUR, verb: "comment", what: "comments per hour",
    recent: (tx, authorId, createdAt, take) => tx.comment.findMany({ where: { authorId, createdAt }, ...newest(take) }),
  },
  kudos: {
    limit: (c) => c.kudosPerDay, windowMs: DAY, verb: "give kudos", what: "kudos per day",
    recent: (tx, authorId, createdAt, take) => tx.kudos.findMany({ where: { authorId, createdAt }, ...newest(take) }),
  },
  logged: {
    limit: (c) => c.loggedPerDay, windowMs: DAY, verb: "log interactions", what: "logged interactions per day",
    recent: (tx, actorId, createdAt, take) => tx.loggedInteraction.findMany({ where: { actorId, createdAt }, ...newest(take) }),
  },
} satisfies Record<string, ContentLimit>;

export type ContentKind = keyof typeof CONTENT_LIMITS;

/**
 * Refuses a post, comment, kudos or logged interaction beyond the member's limit (from the
 * app settings) in its rolling window; see enforceRateLimit. Runs inside the caller's transaction.
 */
export async function enforceContentLimit(tx: Tx, kind: ContentKind, p: { memberId: string; now: Date }): Promise<void> {
  const rule: ContentLimit = CONTENT_LIMITS[kind];
  const settings = await getAppSettings(tx);
  await enforceRateLimit(tx, {
    memberId: p.memberId,
    limit: rule.limit(settings.content),
    windowMs: rule.windowMs,
    now: p.now,
    verb: rule.verb,
    what: rule.what,
    recent: (since, take) => rule.recent(tx, p.memberId, { gt: since }, take),
  });
}
