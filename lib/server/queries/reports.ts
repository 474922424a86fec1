import "server-only";
import { isSuspendedAt } from "@/lib/warmup/suspension";
import type { Tx } from "@/lib/server/db";
import { LOGGED_KIND_LABELS, PLATFORM_LABELS, type LoggedPlatform } from "@/lib/validation/logged-interaction";
import type { ReportSubjectType } from "@/lib/validation/report";
import { formatDate as utcDate } from "@/lib/warmup/format-date";
import { cursorArgs, cutPage } from "./cursor-page";
import { LOGGED_SELECT, type LoggedColumns } from "./interactions-list";

export type PreviewMember = { id: string; handle: string; name: string; suspended: boolean };

/** A reported item as a moderator needs to judge it: who, what, when, where, and its state. */
export type SubjectPreview = {
  type: ReportSubjectType;
  id: string;
  /** false when the row no longer exists at all */
  exists: boolean;
  /** who is responsible for it: the author, the member who logged it, or the member */
  owner: PreviewMember | null;
  text: string;
  createdAt: Date | null;
  /** where to see it in context */
  href: string | null;
  /** already taken down (deleted by its author, removed by a moderator, withdrawn) */
  removed: boolean;
  /** one line of context: "Comment on a post by @ana", "Logged reply on X with @ben, 3 Dec 2026" */
  context: string | null;
  evidenceUrl: string | null;
};

/** Where a post and a comment are read in context (the post page anchors each comment). */
export const postHref = (postId: string) => `/feed/p/${postId}`;
export const commentHref = (postId: string, commentId: string) => `/feed/p/${postId}#c-${commentId}`;

const MEMBER = { select: { id: true, handle: true, name: true, suspendedAt: true, suspendedUntil: true } } as const;
type MemberRow = { id: string; handle: string; name: string; suspendedAt: Date | null; suspendedUntil: Date | null };

const toMember = (m: MemberRow, now: Date): PreviewMember => ({
  id: m.id,
  handle: m.handle,
  name: m.name,
  suspended: isSuspendedAt(m, now),
});

export const subjectKey = (type: string, id: string) => `${type}:${id}`;

/** Previews of many reported items in at most five queries (one per subject type present). */
export async function loadSubjectPreviews(
  db: Tx,
  p: { refs: { subjectType: string; subjectId: string }[]; now: Date; formatDate?: (d: Date | string) => string },
): Promise<Map<string, SubjectPreview>> {
  const { refs, now } = p;
  const fmtDate = p.formatDate ?? utcDate;
  const ids = (t: ReportSubjectType) => [...new Set(refs.filter((r) => r.subjectType === t).map((r) => r.subjectId))];
  const none = Promise.resolve([]);
  const [members, posts, comments, kudos, logged] = await Promise.all([
    ids("member").length ? db.member.findMany({ where: { id: { in: ids("member") } }, select: { ...MEMBER.select, headline: true, bio: true, createdAt: true } }) : none,
    ids("post").length
      ? db.post.findMany({
          where: { id: { in: ids("post") } },
          select: { id: true, body: true, createdAt: true, deletedAt: true, author: MEMBER, sharedPost: { select: { author: { select: { handle: true } } } } },
        })
      : none,
    ids("comment").length
      ? db.comment.findMany({
          where: { id: { in: ids("comment") } },
          select: { id: true, body: true, createdAt: true, deletedAt: true, postId: true, parentId: true, author: MEMBER, post: { select: { deletedAt: true, author: { select: { handle: true } } } } },
        })
      : none,
    ids("kudos").length
      ? db.kudos.findMany({
          where: { id: { in: ids("kudos") } },
          select: { id: true, body: true, createdAt: true, deletedAt: true, author: MEMBER, recipient: { select: { handle: true } } },
        })
      : none,
    ids("logged_interaction").length
      ? db.loggedInteraction.findMany({
          where: { id: { in: ids("logged_interaction") } },
          select: { ...LOGGED_SELECT, actor: MEMBER, target: { select: { handle: true } } },
        })
      : none,
  ]);

  const out = new Map<string, SubjectPreview>();
  for (const m of members as (MemberRow & { headline: string; bio: string; createdAt: Date })[]) {
    out.set(subjectKey("member", m.id), {
      type: "member",
      id: m.id,
      exists: true,
      owner: toMember(m, now),
      text: [m.headline, m.bio].filter(Boolean).join("\n\n"),
      createdAt: m.createdAt,
      href: `/u/${m.handle}`,
      removed: false,
      context: `Member since ${fmtDate(m.createdAt)}`,
      evidenceUrl: null,
    });
  }
  for (const p of posts as { id: string; body: string; createdAt: Date; deletedAt: Date | null; author: MemberRow; sharedPost: { author: { handle: string } } | null }[]) {
    out.set(subjectKey("post", p.id), {
      type: "post",
      id: p.id,
      exists: true,
      owner: toMember(p.author, now),
      text: p.body,
      createdAt: p.createdAt,
      href: postHref(p.id),
      removed: p.deletedAt !== null,
      context: p.sharedPost ? `A share of a post by @${p.sharedPost.author.handle}` : "A post",
      evidenceUrl: null,
    });
  }
  for (const c of comments as {
    id: string;
    body: string;
    createdAt: Date;
    deletedAt: Date | null;
    postId: string;
    parentId: string | null;
    author: MemberRow;
    post: { deletedAt: Date | null; author: { handle: string } };
  }[]) {
    out.set(subjectKey("comment", c.id), {
      type: "comment",
      id: c.id,
      exists: true,
      owner: toMember(c.author, now),
      text: c.body,
      createdAt: c.createdAt,
      href: commentHref(c.postId, c.id),
      removed: c.deletedAt !== null || c.post.deletedAt !== null,
      context: `${c.parentId ? "A reply in the comments of" : "A comment on"} a post by @${c.post.author.handle}`,
      evidenceUrl: null,
    });
  }
  for (const k of kudos as { id: string; body: string; createdAt: Date; deletedAt: Date | null; author: MemberRow; recipient: { handle: string } }[]) {
    out.set(subjectKey("kudos", k.id), {
      type: "kudos",
      id: k.id,
      exists: true,
      owner: toMember(k.author, now),
      text: k.body,
      createdAt: k.createdAt,
      href: `/u/${k.recipient.handle}`,
      removed: k.deletedAt !== null,
      context: `Kudos for @${k.recipient.handle}`,
      evidenceUrl: null,
    });
  }
  for (const l of logged as (LoggedColumns & { actor: MemberRow; target: { handle: string } })[]) {
    const kind = LOGGED_KIND_LABELS[l.kind as keyof typeof LOGGED_KIND_LABELS] ?? l.kind;
    const platform = PLATFORM_LABELS[l.platform as LoggedPlatform] ?? l.platform;
    out.set(subjectKey("logged_interaction", l.id), {
      type: "logged_interaction",
      id: l.id,
      exists: true,
      owner: toMember(l.actor, now),
      text: l.summary ?? "",
      createdAt: l.createdAt,
      href: null,
      removed: l.status === "removed" || l.status === "withdrawn",
      context: `Logged “${kind.toLowerCase()}” on ${platform} with @${l.target.handle}, ${fmtDate(l.occurredOn)} — ${l.status}`,
      evidenceUrl: l.evidenceUrl,
    });
  }
  for (const r of refs) {
    const key = subjectKey(r.subjectType, r.subjectId);
    if (!out.has(key)) {
      out.set(key, {
        type: r.subjectType as ReportSubjectType,
        id: r.subjectId,
        exists: false,
        owner: null,
        text: "",
        createdAt: null,
        href: null,
        removed: true,
        context: "It no longer exists (the account or content was deleted).",
        evidenceUrl: null,
      });
    }
  }
  return out;
}

export type ReportPerson = { id: string; handle: string; name: string };

export type QueueItem = {
  id: string;
  reason: string;
  text: string;
  createdAt: Date;
  reporter: ReportPerson;
  subject: SubjectPreview;
  /** open reports on the same item, this one included */
  openOnSubject: number;
};

export const QUEUE_PAGE = 25;

const PERSON = { select: { id: true, handle: true, name: true } } as const;

/** Open reports, oldest first (first come, first looked at), by cursor; four to eight queries a page. */
export async function openReportQueue(
  db: Tx,
  opts: { cursor?: string | null; take?: number; now: Date; formatDate?: (d: Date | string) => string },
): Promise<{ items: QueueItem[]; nextCursor: string | null; total: number }> {
  const take = opts.take ?? QUEUE_PAGE;
  const [rows, total] = await Promise.all([
    db.report.findMany({
      where: { status: "open" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...cursorArgs(take, opts.cursor),
      select: { id: true, reason: true, text: true, createdAt: true, subjectType: true, subjectId: true, reporter: PERSON },
    }),
    db.report.count({ where: { status: "open" } }),
  ]);
  const { page, nextCursor } = cutPage(rows, take);
  const [previews, counts] = await Promise.all([
    loadSubjectPreviews(db, { refs: page, now: opts.now, formatDate: opts.formatDate }),
    page.length
      ? db.report.groupBy({
          by: ["subjectType", "subjectId"],
          where: { status: "open", subjectId: { in: [...new Set(page.map((r) => r.subjectId))] } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
  ]);
  const countBy = new Map(counts.map((c) => [subjectKey(c.subjectType, c.subjectId), c._count._all]));
  return {
    items: page.map(({ subjectType, subjectId, ...r }) => ({
      ...r,
      subject: previews.get(subjectKey(subjectType, subjectId))!,
      openOnSubject: countBy.get(subjectKey(subjectType, subjectId)) ?? 1,
    })),
    nextCursor,
    total,
  };
}

export type ReportDetail = {
  id: string;
  reason: string;
  text: string;
  status: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: ReportPerson | null;
  reporter: ReportPerson;
  subject: SubjectPreview;
  /** every other report about the same item, newest first */
  others: { id: string; reason: string; text: string; status: string; createdAt: Date; reporter: ReportPerson }[];
};

/** One report with its item and the other reports about that item, or null. */
/** `formatDate`: the reader's date format, for the preview's words. */
export async function reportDetail(db: Tx, p: { id: string; now: Date; formatDate?: (d: Date | string) => string }): Promise<ReportDetail | null> {
  const { id, now } = p;
  const r = await db.report.findUnique({
    where: { id },
    select: { id: true, reason: true, text: true, status: true, createdAt: true, resolvedAt: true, resolvedById: true, subjectType: true, subjectId: true, reporter: PERSON },
  });
  if (!r) return null;
  const [previews, others, resolvedBy] = await Promise.all([
    loadSubjectPreviews(db, { refs: [r], now, formatDate: p.formatDate }),
    db.report.findMany({
      where: { subjectType: r.subjectType, subjectId: r.subjectId, id: { not: r.id } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, reason: true, text: true, status: true, createdAt: true, reporter: PERSON },
    }),
    r.resolvedById ? db.member.findUnique({ where: { id: r.resolvedById }, ...PERSON }) : Promise.resolve(null),
  ]);
  const { subjectType, subjectId, resolvedById: _r, ...rest } = r;
  return { ...rest, resolvedBy, subject: previews.get(subjectKey(subjectType, subjectId))!, others };
}
