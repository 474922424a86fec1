import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { announceLogged, logParsedInteraction, type LoggedWithMembers } from "@/lib/server/services/interactions/log-interaction";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { oldestLoggableDay, type LoggedPlatform } from "@/lib/validation/logged-interaction";
import type { FoundKind } from "@/lib/verify/found";
import { ZOfferDecision, type TOfferDecisionInput } from "@/lib/validation/interaction-offer";

export type DecidedOffers = {
  /** offers this call moved out of "open" (none when another tab or click got there first) */
  offers: { id: string; postUrl: string; state: string }[];
  /** the logged interactions it created ("add"), oldest first, as created (the answer is built from these) */
  logged: LoggedWithMembers[];
};

/**
 * "Add" / "Dismiss" for the open offers about one member — every one, or those listed in
 * `offers` (ids of other members' offers, or decided ones, are simply not matched) — in one
 * transaction. The offers
 * are claimed first with a conditional update (open → added/dismissed): a second click or tab
 * waits for the first to commit, then finds none open — so each offer is logged at most once.
 * Adding logs each as the member would by hand (logParsedInteraction: the posting limit, blocks,
 * the date's range, one log per link), with the post's link as evidence; Rapport's evidence
 * check then verifies it like any logged link to that network (the edge queues it). The other member
 * is told once per add, however many were logged. A refusal (a limit,
 * a block) rolls the whole add back: the offers stay open. A post the member had meanwhile
 * logged by hand is marked added without logging it twice.
 */
export async function decideOffers(db: Db, { actorId, input, now }: { actorId: string; input: TOfferDecisionInput; now: Date }): Promise<DecidedOffers> {
  const { member, decision, offers } = parseInput(ZOfferDecision, input);
  try {
    return await db.$transaction(async (tx) => {
      const target = await tx.member.findUnique({ where: { handle: member }, select: { id: true, handle: true } });
      // a member in a block with the actor reads as unknown, as everywhere
      if (!target || (await isBlockedEither(tx, actorId, target.id))) throw notFound("That member");
      const claimed = await tx.interactionOffer.updateManyAndReturn({
        // an offer that has grown over a year old can no longer be logged: it stays open, and the list no longer shows it
        where: { actorId, targetId: target.id, state: "open", ...(offers ? { id: { in: offers } } : {}), ...(decision === "add" ? { occurredAt: { gte: oldestLoggableDay(now) } } : {}) },
        data: { state: decision === "add" ? "added" : "dismissed", decidedAt: now },
        select: { id: true, network: true, postUrl: true, kind: true, occurredAt: true, state: true },
      });
      claimed.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
      const logged: DecidedOffers["logged"] = [];
      if (decision === "add" && claimed.length > 0) {
        const already = await tx.loggedInteraction.findMany({
          where: { actorId, targetId: target.id, evidenceUrl: { in: claimed.map((o) => o.postUrl) } },
          select: { evidenceUrl: true },
        });
        const skip = new Set(already.map((l) => l.evidenceUrl));
        for (const o of claimed) {
          if (skip.has(o.postUrl)) continue;
          const row = await logParsedInteraction(tx, {
            actorId,
            announce: false,
            data: { targetHandle: target.handle, platform: o.network as LoggedPlatform, kind: o.kind as FoundKind, occurredOn: o.occurredAt.toISOString().slice(0, 10), evidenceUrl: o.postUrl, summary: null },
            now,
          });
          logged.push(row);
        }
        // Grace hears of it once: "Ana logged 3 interactions with you", not three times.
        await announceLogged(tx, logged, now);
      }
      return { offers: claimed.map(({ id, postUrl, state }) => ({ id, postUrl, state })), logged };
    });
  } catch (e) {
    // The same link logged by hand in another tab at this very moment.
    if (isUniqueViolation(e)) throw new AppError("conflict", "One of these was just logged another way — reload and try again.");
    throw e;
  }
}
