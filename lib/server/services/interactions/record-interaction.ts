import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { getAppSettings } from "@/lib/server/settings";
import type { TAppSettings } from "@/lib/validation/app-settings";
import { evaluatePair } from "@/lib/server/queries/evaluate-pairs";
import { notify } from "@/lib/server/services/notifications/notify";
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
 * Afterwards, when the write could have made the actor warm toward the target, the pair is
 * evaluated again and the actor told once it crosses into "warm".
 */
export async function recordInteraction(tx: Tx, input: RecordInput, now: Date): Promise<RecordResult> {
  if (input.actorId === input.targetId) return null;
  const existing = await tx.interaction.findUnique({ where: { sourceKey: input.sourceKey }, select: { id: true, verification: true } });
  if (existing && existing.verification !== "removed") return { id: existing.id, created: false, restored: false };
  const settings = await getAppSettings(tx);
  const before = await warmthBefore(tx, { actorId: input.actorId, targetId: input.targetId, now, settings });
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
  await notifyIfBecameWarm(tx, { actorId: input.actorId, targetId: input.targetId, before, now, settings });
  return result;
}

/** The actor's evaluation toward the target before a write that may warm them up. */
export function warmthBefore(tx: Tx, p: { actorId: string; targetId: string; now: Date; settings: TAppSettings }): Promise<Evaluation | null> {
  return evaluatePair(tx, { viewerId: p.actorId, otherId: p.targetId, role: "requester", now: p.now, settings: p.settings });
}

/**
 * Tells the actor "you're warmed up with <target>" when the pair is warm now and was not
 * before this transaction's write. Comparing two evaluations (rather than remembering past
 * notifications) means a member who cooled off and warmed up again is told again.
 */
export async function notifyIfBecameWarm(
  tx: Tx,
  p: { actorId: string; targetId: string; before: Evaluation | null; now: Date; settings: TAppSettings },
) {
  const { actorId, targetId, before, now } = p;
  if (before?.status === "warm") return;
  const after = await evaluatePair(tx, { viewerId: actorId, otherId: targetId, role: "requester", now, settings: p.settings });
  if (after?.status !== "warm") return;
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

/**
 * Marks interactions whose content is gone as "removed": they never count again and history
 * shows them as removed. Rows stay (the history and request snapshots refer to them).
 */
export async function removeInteractions(tx: Tx, where: Prisma.InteractionWhereInput): Promise<number> {
  const res = await tx.interaction.updateMany({ where: { ...where, verification: { not: "removed" } }, data: { verification: "removed" } });
  return res.count;
}
