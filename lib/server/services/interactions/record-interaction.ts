import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { notify } from "@/lib/server/services/notifications/notify";
import { directedKey } from "@/lib/server/queries/pair-inputs";
import { bothWays, lockedSummary, lockSummaries, refreshPairs, refreshSummaries } from "@/lib/server/services/summaries/refresh-pairs";
import type { Evaluation, InteractionKind, InteractionSource, Verification } from "@/lib/warmup/types";

export type RecordInput = {
  actorId: string;
  targetId: string;
  kind: InteractionKind;
  source: InteractionSource;
  occurredAt: Date;
  verification: Verification;
  /** one row per source event: recording the same key twice never adds a second row */
  sourceKey: string;
  postId?: string | null;
  commentId?: string | null;
  kudosId?: string | null;
  loggedId?: string | null;
  introductionId?: string | null;
};

export type RecordResult = { id: string; created: boolean; restored: boolean } | null;

/**
 * The single entry point every interaction source calls, inside the transaction that writes
 * the content. Idempotent per `sourceKey`: an existing row is left alone, except that a row
 * marked "removed" is restored to the given verification (a reaction removed and given
 * again) without touching its date or weight. Interactions with yourself are never stored.
 * The weight is the admin's weight for the kind at write time.
 *
 * The pair's summaries (both ways) are locked first and rewritten after the write, in this
 * transaction; the actor is told once the pair crosses into "warm".
 */
export async function recordInteraction(tx: Tx, input: RecordInput, now: Date): Promise<RecordResult> {
  if (input.actorId === input.targetId) return null;
  const existing = await tx.interaction.findUnique({ where: { sourceKey: input.sourceKey }, select: { id: true, verification: true } });
  if (existing && existing.verification !== "removed") return { id: existing.id, created: false, restored: false };
  const pair = { actorId: input.actorId, targetId: input.targetId };
  const { before, settings } = await warmthBefore(tx, { ...pair, now });
  let result: NonNullable<RecordResult>;
  if (existing) {
    await tx.interaction.update({ where: { id: existing.id }, data: { verification: input.verification } });
    result = { id: existing.id, created: false, restored: true };
  } else {
    const row = await tx.interaction.create({
      data: {
        actorId: input.actorId,
        targetId: input.targetId,
        kind: input.kind,
        source: input.source,
        weight: settings.weights[input.kind],
        occurredAt: input.occurredAt,
        verification: input.verification,
        sourceKey: input.sourceKey,
        postId: input.postId ?? null,
        commentId: input.commentId ?? null,
        kudosId: input.kudosId ?? null,
        loggedId: input.loggedId ?? null,
        introductionId: input.introductionId ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    result = { id: row.id, created: true, restored: false };
  }
  await refreshAndNotify(tx, { ...pair, before, now });
  return result;
}

/**
 * Locks the pair's summaries (both ways, until the transaction ends) and says whether the
 * actor already met the target's protocol before this transaction's write: the stored
 * summary when it is current, else a fresh evaluation. Also gives the app settings in force
 * (read in the same statement). Call before writing; then refreshAndNotify.
 */
export async function warmthBefore(
  tx: Tx,
  p: { actorId: string; targetId: string; now: Date },
): Promise<{ before: boolean; settings: TAppSettings }> {
  await lockSummaries(tx, { pairs: bothWays([[p.actorId, p.targetId]]), now: p.now });
  const { summary, settings } = await lockedSummary(tx, { pair: [p.actorId, p.targetId], now: p.now });
  if (summary?.fresh) return { before: summary.gateMet, settings };
  const evaluation = await evaluatePair(tx, { viewerId: p.actorId, otherId: p.targetId, role: "requester", now: p.now, settings });
  return { before: evaluation?.gateMet ?? false, settings };
}

/**
 * Rewrites the pair's summaries (locked by warmthBefore) from the interactions, and tells
 * the actor "you're warmed up with <target>" once per warm period: when the pair is warm
 * now, the protocol was not met before this transaction's write, and the actor was not
 * already told within this period. A period lasts while something that counted for it still
 * counts: a reaction taken back and given again, a request declined or withdrawn in
 * between, do not start a new one; a member whose counted interactions all aged out (cooled
 * off) and who warmed up again is told again.
 */
export async function refreshAndNotify(
  tx: Tx,
  p: { actorId: string; targetId: string; before: boolean; now: Date },
): Promise<void> {
  const { actorId, targetId, before, now } = p;
  const refreshed = await refreshSummaries(tx, { pairs: bothWays([[actorId, targetId]]), now, locked: true });
  const after = refreshed.get(directedKey(actorId, targetId));
  if (before || after?.evaluation.status !== "warm") return;
  if (await toldThisPeriod(tx, { actorId, targetId, evaluation: after.evaluation, now })) return;
  const target = await tx.member.findUnique({ where: { id: targetId }, select: { handle: true, name: true } });
  if (!target) return;
  const first = target.name.split(" ")[0];
  await notify(tx, actorId, "became_warm", {
    memberId: targetId,
    handle: target.handle,
    name: target.name,
    message: `You're warmed up with ${first} — you can send a connection request.`,
  }, now);
}

/** The period began on the UTC day of the actor's oldest interaction that counts now. */
async function toldThisPeriod(tx: Tx, p: { actorId: string; targetId: string; evaluation: Evaluation; now: Date }): Promise<boolean> {
  const days = p.evaluation.interactions.filter((v) => v.counted && v.direction === "outgoing").map((v) => v.day);
  const since = days.length ? new Date(`${days.reduce((a, b) => (b < a ? b : a))}T00:00:00.000Z`) : p.now;
  const told = await tx.notification.findFirst({
    where: { memberId: p.actorId, type: "became_warm", createdAt: { gte: since }, data: { path: ["memberId"], equals: p.targetId } },
    select: { id: true },
  });
  return told !== null;
}

/**
 * Marks interactions whose content is gone as "removed": they never count again and history
 * shows them as removed. Rows stay (the history and request snapshots refer to them). The
 * summaries of every pair they were between are rewritten in the same transaction.
 */
export async function removeInteractions(tx: Tx, where: Prisma.InteractionWhereInput, now: Date): Promise<number> {
  const rows = await tx.interaction.updateManyAndReturn({
    where: { ...where, verification: { not: "removed" } },
    data: { verification: "removed" },
    select: { actorId: true, targetId: true },
  });
  await refreshPairs(tx, { pairs: rows.map((r) => [r.actorId, r.targetId] as const), now });
  return rows.length;
}
