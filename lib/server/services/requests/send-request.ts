import "server-only";
import { emailRequestAnswered, emailRequestReceived } from "@/lib/server/email/events";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { AppError, fieldError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { directedKey, loadPairInputs, type PairInput } from "@/lib/server/queries/pair-inputs";
import { loadRequestBudget } from "@/lib/server/queries/request-budget";
import { lockSendPair } from "@/lib/server/services/locks";
import { notify } from "@/lib/server/services/notifications/notify";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { ZSendRequest, type TSendRequestInput } from "@/lib/validation/request";
import { isStockNote, stockNoteHint } from "@/lib/validation/stock-note";
import { loadNoteTopic } from "@/lib/server/queries/note-topic";
import { firstNameOf } from "@/lib/warmup/names";
import { pairKey } from "@/lib/warmup/pair-key";
import { decideSend } from "@/lib/warmup/send-decision";
import { buildSnapshot } from "@/lib/warmup/snapshot";
import { addDays } from "@/lib/warmup/time";
import { DUPLICATE_PENDING, EMAIL_UNVERIFIED } from "@/lib/warmup/wording";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { connectMembers } from "./connect-members";
import { expireRequests } from "./expire-requests";
import { bothWays, lockSummaries, storeSummaries } from "@/lib/server/services/summaries/refresh-pairs";
import { summarize } from "@/lib/warmup/summary";

export type SendResult =
  | { kind: "sent"; requestId: string; recipientHandle: string; expiresAt: Date }
  /** the recipient had already asked: their request is accepted and the two are connected */
  | { kind: "connected"; requestId: string; recipientHandle: string };

type Recipient = { id: string; handle: string; name: string };

/**
 * Sends a connection request. Everything that decides whether it may be stored — the gate
 * under the recipient's protocol as it is now, cooldowns, budgets, one pending request per
 * pair — is checked inside the one transaction that writes it, with both members locked.
 */
export async function sendRequest(
  db: Db,
  p: { requesterId: string; input: TSendRequestInput; now: Date },
): Promise<SendResult> {
  const { requesterId, now } = p;
  const parsed = ZSendRequest.safeParse(p.input);
  if (!parsed.success) {
    throw new AppError("validation", "Please check your request.", { fields: fieldErrorsOf(parsed.error) });
  }
  const { to, note } = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      // One statement reads and locks both members; the recipient's address and email choices
      // serve the email below.
      const found = await lockSendPair(tx, requesterId, to);
      const requester = found.find((m) => m.id === requesterId);
      const recipient = found.find((m) => m.handle === to);
      if (!requester || !recipient) throw notFound("That member");
      if (!requester.emailVerifiedAt) {
        throw new AppError("email_unverified", EMAIL_UNVERIFIED);
      }
      // Asking yourself is refused by the decision below (first of all its reasons), not for the note.
      const self = recipient.id === requester.id;
      // Compared with both members' names taken out; the hint comes from what the two exchanged.
      if (!self && isStockNote(note, [recipient.name, recipient.handle, requester.name, requester.handle])) {
        const topic = await loadNoteTopic(tx, { requesterId: requester.id, recipientId: recipient.id });
        throw fieldError("note", stockNoteHint(firstNameOf(recipient.name), topic));
      }
      await expireRequests(tx, { now, memberIds: [requester.id, recipient.id] });

      // The pair's summaries are locked before its facts are read, so the facts the gate judges
      // are also the ones the summaries are rewritten from after the write (no other write to
      // the pair can commit in between). One read: interactions, relation, both protocols and
      // the settings in force — the policy the gate evaluates is the one the snapshot keeps.
      const pairs = bothWays([[requester.id, recipient.id]]);
      await lockSummaries(tx, { pairs, now });
      const { inputs, settings } = await loadPairInputs(tx, { pairs, now });
      const outgoing = inputs.get(directedKey(requester.id, recipient.id));
      const incoming = inputs.get(directedKey(recipient.id, requester.id));
      const evaluation = outgoing ? summarize(outgoing.input, outgoing.changesAt).evaluation : null;
      // The budget matters only to a warm pair: a refusal for any other reason reads nothing more.
      const budget = evaluation?.status === "warm" ? await loadRequestBudget(tx, { memberId: requester.id, now, settings }) : null;

      const decision = decideSend({
        requester: { id: requester.id, suspendedAt: requester.suspendedAt, suspendedUntil: requester.suspendedUntil },
        recipient: { id: recipient.id, name: recipient.name, suspendedAt: recipient.suspendedAt, suspendedUntil: recipient.suspendedUntil, leavingOn: recipient.deleteAt },
        evaluation,
        budget,
        now,
      });
      if (!decision.ok) {
        // A suspended recipient and a block read as not found (never revealed).
        const message = decision.code === "warmup_incomplete" && evaluation ? withUnmet(decision.message, evaluation.criteria) : decision.message;
        throw new AppError(decision.code, message, { retryAt: decision.retryAt, details: decision.details });
      }
      if (decision.mutual) return acceptMutual(tx, { requester, recipient, note, now });
      const granted = decision.evaluation;
      const policy = outgoing!.input.policy;

      const expiresAt = addDays(now, settings.requests.expiryDays);
      const request = await tx.connectionRequest.create({
        data: {
          requesterId: requester.id,
          recipientId: recipient.id,
          note,
          status: "pending",
          pendingPairKey: pairKey(requester.id, recipient.id),
          snapshot: buildSnapshot(granted, policy, now) as unknown as object,
          createdAt: now,
          expiresAt,
        },
        select: { id: true },
      });
      // The summaries from the facts read above plus this write: the request is pending both
      // ways until it expires. (The model-based summary test checks this equals a fresh read.)
      await storeSummaries(tx, {
        inputs: [withPending(outgoing!, "outgoing", expiresAt), ...(incoming ? [withPending(incoming, "incoming", expiresAt)] : [])],
        now,
      });
      await notify(
        tx,
        recipient.id,
        "request_received",
        { requestId: request.id, member: { handle: requester.handle, name: requester.name }, excerpt: excerpt(note) },
        now,
      );
      await emailRequestReceived(tx, { requestId: request.id, recipient, fromName: requester.name, note, now });
      await recordAudit(tx, {
        actorId: requester.id,
        action: "request.sent",
        subjectType: "connection_request",
        subjectId: request.id,
        data: { recipientId: recipient.id, percent: granted.percent, preset: policy.preset },
        at: now,
      });
      return { kind: "sent" as const, requestId: request.id, recipientHandle: recipient.handle, expiresAt };
    });
  } catch (e) {
    // The database's own guarantee of one pending request per pair, should two sends race.
    if (isUniqueViolation(e, "pending_pair_key") || isUniqueViolation(e, "pendingPairKey")) throw duplicatePending();
    throw e;
  }
}

function duplicatePending() {
  return new AppError("duplicate_pending", DUPLICATE_PENDING);
}

/**
 * The recipient had already asked the requester: sending is answering yes. Their request is
 * accepted and the pair connected; no second request is stored (nothing is stored that the
 * gate did not allow), the note is kept in the audit trail.
 */
async function acceptMutual(
  tx: Tx,
  p: { requester: Recipient; recipient: Recipient; note: string; now: Date },
): Promise<SendResult> {
  const { requester, recipient, note, now } = p;
  const incoming = await tx.connectionRequest.findFirst({
    where: { requesterId: recipient.id, recipientId: requester.id, status: "pending", expiresAt: { gt: now } },
    select: { id: true },
  });
  if (!incoming) throw duplicatePending();
  const { count } = await tx.connectionRequest.updateMany({
    where: { id: incoming.id, status: "pending", recipientId: requester.id },
    data: { status: "accepted", pendingPairKey: null, decidedAt: now },
  });
  if (count !== 1) throw duplicatePending();
  await connectMembers(tx, { a: requester.id, b: recipient.id, now });
  await notify(tx, recipient.id, "request_accepted", { requestId: incoming.id, member: { handle: requester.handle, name: requester.name }, mutual: true }, now);
  await notify(tx, requester.id, "request_accepted", { requestId: incoming.id, member: { handle: recipient.handle, name: recipient.name }, mutual: true, answeredTheirs: true }, now);
  // Their request was accepted by this one: they hear it as they would hear an accept.
  await emailRequestAnswered(tx, { requestId: incoming.id, requesterId: recipient.id, byName: requester.name, answer: { kind: "accepted" }, now });
  await recordAudit(tx, {
    actorId: requester.id,
    action: "request.accepted",
    subjectType: "connection_request",
    subjectId: incoming.id,
    data: { mutual: true, note },
    at: now,
  });
  return { kind: "connected", requestId: incoming.id, recipientHandle: recipient.handle };
}

/** A pair's facts with a request from the requester now pending, expiring at `expiresAt`. */
function withPending(p: PairInput, direction: "outgoing" | "incoming", expiresAt: Date): Pick<PairInput, "input" | "changesAt"> {
  const relation = { ...p.input.relation, ...(direction === "outgoing" ? { pendingOutgoing: true } : { pendingIncoming: true }) };
  return { input: { ...p.input, relation }, changesAt: [...p.changesAt, expiresAt] };
}

function excerpt(note: string, max = 140): string {
  return note.length <= max ? note : `${note.slice(0, max - 1).trimEnd()}…`;
}

/** "… Still needed: Points: 3 of 6; Different days: 1 of 2." — every unmet criterion, in the protocol's order. */
export function withUnmet(message: string, criteria: readonly { label: string; met: boolean }[]): string {
  const unmet = criteria.filter((c) => !c.met).map((c) => c.label);
  if (unmet.length === 0) return message;
  const sentence = /[.!?]$/.test(message.trim()) ? message.trim() : `${message.trim()}.`;
  return `${sentence} Still needed: ${unmet.join("; ")}.`;
}
