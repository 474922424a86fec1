import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { lockPair } from "@/lib/server/services/locks";
import { expireRequests } from "./expire-requests";

export type OwnedRequest = {
  id: string;
  requesterId: string;
  recipientId: string;
  status: string;
  requester: { handle: string; name: string };
  recipient: { handle: string; name: string };
};

/**
 * The request as one of its two sides may act on it: `side` says which (only the recipient
 * answers, only the requester withdraws). Anyone else — and the wrong side — gets not found.
 * Locks the pair and applies expiry first, so the caller's conditional update sees the truth.
 */
export async function loadOwnRequest(
  tx: Tx,
  p: { requestId: string; memberId: string; side: "recipient" | "requester"; now: Date },
): Promise<OwnedRequest> {
  const owner = p.side === "recipient" ? { recipientId: p.memberId } : { requesterId: p.memberId };
  const select = {
    id: true,
    requesterId: true,
    recipientId: true,
    status: true,
    requester: { select: { handle: true, name: true } },
    recipient: { select: { handle: true, name: true } },
  } as const;
  const found = await tx.connectionRequest.findFirst({ where: { id: p.requestId, ...owner }, select: { requesterId: true, recipientId: true } });
  if (!found) throw notFound("That request");
  await lockPair(tx, found.requesterId, found.recipientId);
  await expireRequests(tx, { now: p.now, memberIds: [found.requesterId, found.recipientId] });
  const req = await tx.connectionRequest.findFirstOrThrow({ where: { id: p.requestId, ...owner }, select });
  if (req.status !== "pending") throw alreadySettled(req.status);
  return req;
}

export function alreadySettled(status: string): AppError {
  const what: Record<string, string> = {
    accepted: "It has already been accepted.",
    declined: "It has already been declined.",
    withdrawn: "It was withdrawn.",
    expired: "It expired without an answer.",
  };
  return new AppError("conflict", `This request is no longer waiting for an answer. ${what[status] ?? ""}`.trim());
}
