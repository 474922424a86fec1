import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { removeInteractions } from "@/lib/server/services/interactions/record-interaction";
import { parseInput } from "@/lib/server/validation";
import { ZReportDecision, type TReportDecisionInput } from "@/lib/validation/admin";
import type { ReportSubjectType } from "@/lib/validation/report";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { assertAdmin } from "./assert-admin";
import { claimReport, closeReports } from "./close-reports";

type ContentType = Exclude<ReportSubjectType, "member">;

/**
 * Takes content down the way its author deleting it would — soft delete, so threads and
 * history keep their place ("This post was removed") — and marks every interaction that
 * lived on it as removed: it no longer happened publicly, so it stops counting toward any
 * warm-up (PRODUCT §1). For a post that is everything in its thread too, as when its author
 * deletes it. A logged interaction becomes "removed". Returns who owned it and how many
 * interactions stopped counting; removing twice changes nothing.
 */
export async function removeSubject(tx: Tx, type: ContentType, id: string, now: Date): Promise<{ ownerId: string; interactions: number }> {
  switch (type) {
    case "post": {
      const row = await tx.post.findUnique({ where: { id }, select: { authorId: true } });
      if (!row) throw notFound("That post");
      await tx.post.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
      return { ownerId: row.authorId, interactions: await removeInteractions(tx, { postId: id }, now) };
    }
    case "comment": {
      const row = await tx.comment.findUnique({ where: { id }, select: { authorId: true } });
      if (!row) throw notFound("That comment");
      await tx.comment.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
      return { ownerId: row.authorId, interactions: await removeInteractions(tx, { commentId: id }, now) };
    }
    case "kudos": {
      const row = await tx.kudos.findUnique({ where: { id }, select: { authorId: true } });
      if (!row) throw notFound("Those kudos");
      await tx.kudos.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now } });
      return { ownerId: row.authorId, interactions: await removeInteractions(tx, { kudosId: id }, now) };
    }
    case "logged_interaction": {
      const row = await tx.loggedInteraction.findUnique({ where: { id }, select: { actorId: true } });
      if (!row) throw notFound("That logged interaction");
      await tx.loggedInteraction.updateMany({ where: { id, status: { not: "removed" } }, data: { status: "removed", decidedAt: now } });
      return { ownerId: row.actorId, interactions: await removeInteractions(tx, { loggedId: id }, now) };
    }
  }
}

/**
 * An admin removes the content a report is about. Every open report on the same item is
 * closed as actioned with it (one removal answers them all).
 */
export async function removeReportedContent(db: Db, { adminId, input, now }: { adminId: string; input: TReportDecisionInput; now: Date }) {
  const { reportId, note } = parseInput(ZReportDecision, input);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, adminId, now);
    const report = await claimReport(tx, reportId, { status: "actioned", adminId, now });
    if (report.subjectType === "member") {
      throw new AppError("validation", "A member can't be removed — suspend them instead.");
    }
    const type = report.subjectType as ContentType;
    const removed = await removeSubject(tx, type, report.subjectId, now);
    const others = await closeReports(tx, { subjectType: type, subjectId: report.subjectId }, { status: "actioned", adminId, now });
    const closed = [reportId, ...others];
    await recordAudit(tx, {
      actorId: adminId,
      action: "admin.content_removed",
      subjectType: type,
      subjectId: report.subjectId,
      data: { reportId, ownerId: removed.ownerId, interactionsRemoved: removed.interactions, reportsClosed: closed, ...(note ? { note } : {}) },
      at: now,
    });
    return { subjectType: type, subjectId: report.subjectId, interactionsRemoved: removed.interactions, reportsClosed: closed.length };
  });
}
