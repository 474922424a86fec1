import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { loadPolicy } from "@/lib/server/queries/policy";
import type { PairRole } from "@/lib/server/queries/warmup-inputs";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { safeHref } from "@/lib/validation/post";
import { reasonWithoutVerdict } from "@/lib/warmup/tally";
import type { TAppSettings } from "@/lib/validation/app-settings";
import type { Evaluation, InteractionKind, InteractionSource, InteractionVerdict, NotCountedReason, Verification } from "@/lib/warmup/types";

export type TimelineMember = { id: string; handle: string; name: string };

/**
 * One interaction as the timeline shows it: plain and serialisable (dates as ISO strings),
 * so it can be passed to any component, server or client.
 */
export type TimelineItem = {
  id: string;
  actor: TimelineMember;
  target: TimelineMember;
  kind: InteractionKind;
  source: InteractionSource;
  /** what it was on: a post, a comment, a reply (comment kind), the profile (kudos), a log, an introduction */
  context: "post" | "comment" | "reply" | "profile" | "logged" | "introduction";
  /** logged interactions: where (x, linkedin, …, event, other) and what (reply, met_in_person, …) */
  platform: string | null;
  loggedKind: string | null;
  /** a short quote of the content, while it exists */
  excerpt: string | null;
  occurredAt: string;
  /** UTC day "YYYY-MM-DD": the unit the distinct-days rule counts */
  day: string;
  verification: Verification;
  /** the post/comment anchor, the kudos on the profile, or the evidence URL (external) */
  href: string | null;
  external: boolean;
  /** from the evaluation: outgoing = requester → recipient; null when not evaluated */
  direction: "outgoing" | "incoming" | null;
  counted: boolean | null;
  points: number;
  note: "pending_half" | "capped" | null;
  reason: NotCountedReason | null;
  /** the recipient's freshness window, for "outside the 180-day window" */
  windowDays: number | null;
};

const MEMBER = { select: { id: true, handle: true, name: true } } as const;
export const TIMELINE_SELECT = {
  id: true,
  kind: true,
  source: true,
  occurredAt: true,
  verification: true,
  postId: true,
  commentId: true,
  kudosId: true,
  loggedId: true,
  actor: MEMBER,
  target: MEMBER,
} as const;
export type TimelineRow = Prisma.InteractionGetPayload<{ select: typeof TIMELINE_SELECT }>;

const excerpt = (s: string | null | undefined) => (s ? (s.length > 140 ? `${s.slice(0, 139).trimEnd()}…` : s) : null);

/** Rows → timeline items, with the facts about their content in at most four queries whatever the count. */
export async function toTimelineItems(
  db: Tx,
  rows: TimelineRow[],
  p: { verdicts: Map<string, InteractionVerdict>; windowDays: number | null; now: Date },
): Promise<TimelineItem[]> {
  const ids = (key: "postId" | "commentId" | "kudosId" | "loggedId") => [...new Set(rows.flatMap((r) => (r[key] ? [r[key]] : [])))];
  // Prisma sends a query even for an empty list; skip it.
  const read = <T>(list: string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> => (list.length ? query(list) : Promise.resolve([]));
  const [comments, posts, kudos, logged] = await Promise.all([
    read(ids("commentId"), (id) => db.comment.findMany({ where: { id: { in: id } }, select: { id: true, parentId: true, body: true, deletedAt: true } })),
    read(ids("postId"), (id) => db.post.findMany({ where: { id: { in: id } }, select: { id: true, body: true, deletedAt: true } })),
    read(ids("kudosId"), (id) => db.kudos.findMany({ where: { id: { in: id } }, select: { id: true, body: true, deletedAt: true } })),
    read(ids("loggedId"), (id) => db.loggedInteraction.findMany({ where: { id: { in: id } }, select: { id: true, platform: true, kind: true, evidenceUrl: true, summary: true } })),
  ]);
  const commentById = new Map(comments.map((c) => [c.id, c]));
  const postById = new Map(posts.map((x) => [x.id, x]));
  const kudosById = new Map(kudos.map((k) => [k.id, k]));
  const loggedById = new Map(logged.map((l) => [l.id, l]));

  return rows.map((r) => {
    const kind = r.kind as InteractionKind;
    const verification = r.verification as Verification;
    const gone = verification === "removed";
    const comment = r.commentId ? commentById.get(r.commentId) : undefined;
    const post = r.postId ? postById.get(r.postId) : undefined;
    const k = r.kudosId ? kudosById.get(r.kudosId) : undefined;
    const log = r.loggedId ? loggedById.get(r.loggedId) : undefined;

    let context: TimelineItem["context"] = "post";
    let href: string | null = null;
    let text: string | null = null;
    let external = false;
    if (r.source === "logged") {
      context = "logged";
      const safe = log?.evidenceUrl ? safeHref(log.evidenceUrl) : null;
      href = safe;
      external = safe !== null;
      text = log?.summary ?? null;
    } else if (r.source === "introduction") {
      context = "introduction";
    } else if (kind === "kudos") {
      context = "profile";
      href = `/u/${r.target.handle}#kudos-${r.kudosId}`;
      text = k && !k.deletedAt ? k.body : null;
    } else if (r.commentId) {
      // A comment is on a post (or, as a reply, on a comment); a mention or reaction is in/on the comment.
      context = kind === "comment" ? (comment?.parentId ? "reply" : "post") : "comment";
      href = `/feed/p/${r.postId}#c-${r.commentId}`;
      text = kind === "reaction" ? null : comment && !comment.deletedAt ? comment.body : null;
    } else if (r.postId) {
      href = `/feed/p/${r.postId}`;
      text = kind === "reaction" ? null : post && !post.deletedAt ? post.body : null;
    }
    // Removed content is gone from view: no link to it, no quote of it.
    if (gone && r.source !== "logged") {
      href = null;
      text = null;
    }

    const v = p.verdicts.get(r.id);
    // The engine's verdict; for what it did not see, the engine's own reasons.
    const reason: NotCountedReason | null = v ? v.reason : reasonWithoutVerdict({ verification, occurredAt: r.occurredAt }, p.now, p.windowDays);
    return {
      id: r.id,
      actor: r.actor,
      target: r.target,
      kind,
      source: r.source as InteractionSource,
      context,
      platform: log?.platform ?? null,
      loggedKind: log?.kind ?? null,
      excerpt: excerpt(text),
      occurredAt: r.occurredAt.toISOString(),
      day: r.occurredAt.toISOString().slice(0, 10),
      verification,
      href,
      external,
      direction: v?.direction ?? null,
      counted: v ? v.counted : reason ? false : null,
      points: v?.points ?? 0,
      note: v?.note ?? null,
      reason,
      windowDays: p.windowDays,
    };
  });
}

/** How many of a pair's interactions a page lists (newest first); the evaluation counts them all. */
export const PAIR_HISTORY_SHOWN = 200;

/**
 * A pair's history as a page shows it: the latest PAIR_HISTORY_SHOWN, and whether older ones
 * were left out (one more is read to know).
 */
export async function loadShownPairHistory(
  db: Tx,
  p: Omit<Parameters<typeof loadPairHistory>[1], "limit">,
): Promise<{ items: TimelineItem[]; olderLeftOut: boolean }> {
  const items = await loadPairHistory(db, { ...p, limit: PAIR_HISTORY_SHOWN + 1 });
  return { items: items.slice(0, PAIR_HISTORY_SHOWN), olderLeftOut: items.length > PAIR_HISTORY_SHOWN };
}

/**
 * The interactions between two members (the latest PAIR_HISTORY_SHOWN, or `limit`), both directions, newest first, with the points
 * each contributed under the evaluation. role "requester" (default): the viewer warming up
 * to the other (the other's protocol: profile panel); "recipient": the other warming up to
 * the viewer (the viewer's protocol: request review). Pass `evaluation` when you already
 * have it, to save the queries.
 */
export async function loadPairHistory(
  db: Tx,
  p: {
    viewerId: string;
    otherId: string;
    now: Date;
    settings: TAppSettings;
    role?: PairRole;
    evaluation?: Evaluation | null;
    windowDays?: number;
    limit?: number;
  },
): Promise<TimelineItem[]> {
  const { viewerId, otherId, now } = p;
  const role = p.role ?? "requester";
  const recipientId = role === "requester" ? otherId : viewerId;
  const [evaluation, windowDays, rows] = await Promise.all([
    p.evaluation !== undefined ? Promise.resolve(p.evaluation) : evaluatePair(db, { viewerId, otherId, role, now, settings: p.settings }),
    p.windowDays ?? loadPolicy(db, { memberId: recipientId, settings: p.settings }).then((policy) => policy.freshnessDays),
    db.interaction.findMany({
      where: {
        OR: [
          { actorId: viewerId, targetId: otherId },
          { actorId: otherId, targetId: viewerId },
        ],
      },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: p.limit ?? PAIR_HISTORY_SHOWN,
      select: TIMELINE_SELECT,
    }),
  ]);
  const verdicts = new Map((evaluation?.interactions ?? []).map((v) => [v.id, v]));
  return toTimelineItems(db, rows, { verdicts, windowDays, now });
}
