import "server-only";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { ZLoggedDecision, type TLoggedDecisionInput } from "@/lib/validation/logged-interaction";
import { parseInput } from "@/lib/server/validation";
import { refreshAndNotify, warmthBefore } from "./record-interaction";

/**
 * The target confirms or disputes an interaction logged about them. Only the target may,
 * and only while it is pending: for anyone else it does not exist (not even for its actor).
 */
export async function decideLogged(db: Db, { targetId, input, now }: { targetId: string; input: TLoggedDecisionInput; now: Date }) {
  const { id, decision } = parseInput(ZLoggedDecision, input);
  const status = decision === "confirm" ? "confirmed" : "disputed";
  return db.$transaction(async (tx) => {
    const row = await tx.loggedInteraction.findFirst({ where: { id, targetId, status: "pending" }, select: { id: true, actorId: true } });
    if (!row) throw notFound("That logged interaction");
    const pair = { actorId: row.actorId, targetId };
    const { before } = await warmthBefore(tx, { ...pair, now });
    // Conditional on still pending: a withdrawal racing this decision wins or loses cleanly.
    const res = await tx.loggedInteraction.updateMany({ where: { id, targetId, status: "pending" }, data: { status, decidedAt: now } });
    if (res.count === 0) throw notFound("That logged interaction");
    await tx.interaction.updateMany({ where: { loggedId: id, verification: "pending" }, data: { verification: status } });
    await refreshAndNotify(tx, { ...pair, before, now });
    return { id, status };
  });
}
