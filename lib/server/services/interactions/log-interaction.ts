import "server-only";
import { emailLoggedPending } from "@/lib/server/email/events";
import type { Db } from "@/lib/db/create-client";
import { AppError, fieldError, isUniqueViolation } from "@/lib/server/errors";
import { notify } from "@/lib/server/services/notifications/notify";
import { PLATFORM_LABELS, ZLoggedInteractionCreate, occurredOnProblem, type LoggedPlatform, parseDay, type TLoggedInteractionCreate, type TLoggedInteractionCreateInput } from "@/lib/validation/logged-interaction";
import type { Tx } from "@/lib/server/db";
import { loggedKindToInteractionKind } from "@/lib/warmup/weights";
import { isBlockedEither } from "./blocks";
import { parseInput } from "@/lib/server/validation";
import { enforceContentLimit } from "./content-limits";
import { HOUR } from "@/lib/warmup/time";
import { recordInteraction } from "./record-interaction";
import { verifyConfig } from "@/lib/server/verify/config";
import { checkableNetwork } from "@/lib/verify/networks";
import { LOGGED_SELECT, type LoggedColumns } from "@/lib/server/queries/interactions-list";

type MemberRef = { id: string; handle: string; name: string };
/** A logged interaction as its write created it, with both members: what the write answers with (no read after the commit). */
export type LoggedWithMembers = LoggedColumns & { actor: MemberRef; target: MemberRef };

const NOON = 12 * HOUR;

/**
 * Records an interaction that happened elsewhere. It starts "pending" (counting as the
 * target's protocol says) until the target confirms or disputes it; the target is told.
 */
export async function logInteraction(db: Db, { actorId, input, now }: { actorId: string; input: TLoggedInteractionCreateInput; now: Date }) {
  const data = parseInput(ZLoggedInteractionCreate, input);
  try {
    return await db.$transaction((tx) => logParsedInteraction(tx, { actorId, data, now }));
  } catch (e) {
    // Two identical logs racing: the unique index refuses the second.
    if (isUniqueViolation(e)) throw duplicateEvidence(null);
    throw e;
  }
}

/**
 * The same, inside a transaction the caller owns, for input already parsed: adding offers found
 * on the member's feed ("Found for you") logs several at once under the same rules — the posting
 * limit, blocks, the date's range, one log per link.
 */
export async function logParsedInteraction(
  tx: Tx,
  { actorId, data, now, announce = true }: { actorId: string; data: TLoggedInteractionCreate; now: Date; announce?: boolean },
): Promise<LoggedWithMembers> {
  const day = parseDay(data.occurredOn)!;
  const problem = occurredOnProblem(day, now);
  if (problem) throw fieldError("occurredOn", problem);
  const checkable = verifyConfig().enabled && checkableNetwork(data.evidenceUrl) !== null;
  await enforceContentLimit(tx, "logged", { memberId: actorId, now });
  const target = await tx.member.findUnique({ where: { handle: data.targetHandle }, select: { id: true, handle: true, name: true } });
  if (!target || (await isBlockedEither(tx, actorId, target.id))) {
    const msg = `We couldn't find a member with the handle @${data.targetHandle}.`;
    throw new AppError("not_found", msg, { fields: { targetHandle: [msg] } });
  }
  if (target.id === actorId) throw fieldError("targetHandle", "Log interactions with other members — not with yourself.");
  if (data.evidenceUrl) {
    const dup = await tx.loggedInteraction.findFirst({ where: { actorId, targetId: target.id, evidenceUrl: data.evidenceUrl }, select: { id: true } });
    if (dup) throw duplicateEvidence(target.name);
  }

  const actor = await tx.member.findUniqueOrThrow({ where: { id: actorId }, select: { id: true, handle: true, name: true } });
  const logged = await tx.loggedInteraction.create({
    select: LOGGED_SELECT,
    data: {
      actorId,
      targetId: target.id,
      platform: data.platform,
      kind: data.kind,
      occurredOn: day,
      evidenceUrl: data.evidenceUrl ?? null,
      summary: data.summary ?? null,
      status: "pending",
      // Rapport checks links it can read (the evidence.verify job); others wait for the target.
      checkState: checkable ? "queued" : "none",
      createdAt: now,
    },
  });
  // Midday of the day it happened (a neutral time, since only the date is known), but
  // never later than now: something logged this morning must count today, not at noon.
  const occurredAt = new Date(Math.min(day.getTime() + NOON, now.getTime()));
  await recordInteraction(
    tx,
    {
      actorId,
      targetId: target.id,
      kind: loggedKindToInteractionKind(data.kind),
      source: "logged",
      occurredAt,
      verification: "pending",
      sourceKey: `logged:${logged.id}`,
      loggedId: logged.id,
    },
    now,
  );
  const row = { ...logged, actor, target };
  if (announce) await announceLogged(tx, [row], now);
  return row;
}

/**
 * Tells the target what was logged about them: one notification and one email for the batch
 * (adding several Found-for-you offers at once is one event for the other member, not one per
 * post). All rows share actor and target.
 */
export async function announceLogged(tx: Tx, rows: LoggedWithMembers[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const [first] = rows;
  const count = rows.length;
  await notify(tx, first.target.id, "logged_pending", {
    loggedId: first.id,
    byHandle: first.actor.handle,
    byName: first.actor.name,
    platform: first.platform,
    kind: first.kind,
    ...(count > 1 ? { count } : {}),
  }, now);
  await emailLoggedPending(tx, { loggedId: first.id, targetId: first.target.id, byName: first.actor.name, kind: first.kind, count, checkedBy: first.checkState === "queued" ? PLATFORM_LABELS[first.platform as LoggedPlatform] : null, now });
}

function duplicateEvidence(name: string | null) {
  const who = name ? ` for ${name.split(" ")[0]}` : "";
  return fieldError("evidenceUrl", `You already logged this link${who}. Each piece of evidence can be logged once.`);
}
