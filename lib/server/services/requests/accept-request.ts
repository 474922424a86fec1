import "server-only";
import type { Db } from "@/lib/db/create-client";
import { emailRequestAnswered } from "@/lib/server/email/events";
import { notify } from "@/lib/server/services/notifications/notify";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { connectMembers } from "./connect-members";
import { alreadySettled, loadOwnRequest } from "./load-own-request";

/** The recipient says yes: the request is accepted and the two are connected. */
export async function acceptRequest(db: Db, p: { recipientId: string; requestId: string; now: Date }) {
  const { recipientId, requestId, now } = p;
  return db.$transaction(async (tx) => {
    const req = await loadOwnRequest(tx, { requestId, memberId: recipientId, side: "recipient", now });
    // Conditional on still pending: an accept racing a withdraw has exactly one outcome.
    const { count } = await tx.connectionRequest.updateMany({
      where: { id: req.id, recipientId, status: "pending" },
      data: { status: "accepted", pendingPairKey: null, decidedAt: now },
    });
    if (count !== 1) throw alreadySettled("");
    await connectMembers(tx, { a: req.requesterId, b: req.recipientId, now });
    await notify(tx, req.requesterId, "request_accepted", { requestId: req.id, member: req.recipient }, now);
    await emailRequestAnswered(tx, { requestId: req.id, requesterId: req.requesterId, byName: req.recipient.name, answer: { kind: "accepted" }, now });
    await recordAudit(tx, {
      actorId: recipientId,
      action: "request.accepted",
      subjectType: "connection_request",
      subjectId: req.id,
      data: { requesterId: req.requesterId },
      at: now,
    });
    return { requestId: req.id, requester: req.requester };
  });
}
