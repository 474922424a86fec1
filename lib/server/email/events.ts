import "server-only";
import type { Tx } from "@/lib/server/db";
import { introducedMessage, loggedPendingMessage, requestAnsweredMessage, requestReceivedMessage, type RequestAnswer } from "@/lib/email/messages";
import { absoluteUrl } from "./config";
import { queueCategoryEmail, type EmailMember } from "./outbox";
import { unsubscribeUrl } from "./unsubscribe";

/**
 * The notification emails, one per event, written by the event's own transaction beside its
 * in-app notification. Each key names the event, so a replayed event cannot mail twice.
 */
/** `recipient`: as the send read them, with their address and email choices (no second read). */
export function emailRequestReceived(tx: Tx, o: { requestId: string; recipient: EmailMember; fromName: string; note: string; now: Date }) {
  return queueCategoryEmail(tx, {
    key: `request-received:${o.requestId}`,
    memberId: o.recipient.id,
    member: o.recipient,
    category: "requests",
    now: o.now,
    build: () =>
      requestReceivedMessage({ from: o.fromName, note: o.note, link: absoluteUrl(`/requests/${o.requestId}`), unsubscribe: unsubscribeUrl(o.recipient.id, "requests") }),
  });
}

export function emailRequestAnswered(tx: Tx, o: { requestId: string; requesterId: string; byName: string; answer: RequestAnswer; now: Date }) {
  return queueCategoryEmail(tx, {
    key: `request-answered:${o.requestId}`,
    memberId: o.requesterId,
    category: "answers",
    now: o.now,
    build: () =>
      requestAnsweredMessage({ by: o.byName, answer: o.answer, link: absoluteUrl(`/requests/${o.requestId}`), unsubscribe: unsubscribeUrl(o.requesterId, "answers") }),
  });
}

const KIND_WORDS: Record<string, string> = { met_in_person: "meeting in person", other: "interaction" };

/** `count` > 1: several logged at once (Found for you), one email named by the first. */
export function emailLoggedPending(tx: Tx, o: { loggedId: string; targetId: string; byName: string; kind: string; count?: number; checkedBy?: string | null; now: Date }) {
  return queueCategoryEmail(tx, {
    key: `logged-pending:${o.loggedId}`,
    memberId: o.targetId,
    category: "confirmations",
    now: o.now,
    build: () =>
      loggedPendingMessage({ by: o.byName, kind: KIND_WORDS[o.kind] ?? o.kind.replace(/_/g, " "), count: o.count ?? 1, checkedBy: o.checkedBy, link: absoluteUrl("/interactions"), unsubscribe: unsubscribeUrl(o.targetId, "confirmations") }),
  });
}

export function emailIntroduced(tx: Tx, o: { introductionId: string; memberId: string; byName: string; other: { name: string; handle: string }; note: string; now: Date }) {
  return queueCategoryEmail(tx, {
    key: `introduced:${o.introductionId}:${o.memberId}`,
    memberId: o.memberId,
    category: "introductions",
    now: o.now,
    build: () =>
      introducedMessage({ by: o.byName, other: o.other.name, note: o.note, link: absoluteUrl(`/u/${o.other.handle}`), unsubscribe: unsubscribeUrl(o.memberId, "introductions") }),
  });
}
