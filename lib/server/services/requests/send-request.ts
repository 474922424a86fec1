import "server-only";
import { getDb, type Tx } from "@/lib/server/db";
import { AppError, fieldError, isUniqueViolation, notFound } from "@/lib/server/errors";
import { getAppSettings } from "@/lib/server/settings";
import { loadPolicy } from "@/lib/server/queries/policy";
import { pairKey } from "@/lib/server/queries/warmup-inputs";
import { evaluatePair } from "@/lib/server/services/warmup/evaluate-pairs";
import { lockPair } from "@/lib/server/services/locks";
import { notify } from "@/lib/server/services/notifications/notify";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { isGreetingOnly, ZSendRequest } from "@/lib/validation/request";
import { formatDate } from "@/lib/format";
import type { Evaluation } from "@/lib/warmup/types";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { loadRequestBudget } from "./budget";
import { connectMembers } from "./connect-members";
import { expireRequests } from "./expire-requests";
import { buildSnapshot } from "./snapshot";

const DAY = 86_400_000;

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
export async function sendRequest(requesterId: string, input: unknown, opts: { now?: Date } = {}): Promise<SendResult> {
  const now = opts.now ?? new Date();
  const parsed = ZSendRequest.safeParse(input);
  if (!parsed.success) {
    throw new AppError("validation", "Please check your request.", { fields: fieldErrorsOf(parsed.error) });
  }
  const { to, note } = parsed.data;
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const [requester, recipient] = await Promise.all([
        tx.member.findUnique({ where: { id: requesterId }, select: { id: true, handle: true, name: true } }),
        tx.member.findUnique({ where: { handle: to }, select: { id: true, handle: true, name: true } }),
      ]);
      if (!requester || !recipient) throw notFound("That member");
      if (recipient.id === requester.id) throw new AppError("self", "You can't send a connection request to yourself.");
      if (isGreetingOnly(note, [recipient.name, recipient.handle, requester.name, requester.handle])) {
        throw fieldError("note", "Your personal note is only a greeting — say in your own words why you would like to connect.");
      }

      await lockPair(tx, requester.id, recipient.id);
      // Re-read under the lock: a suspension that committed after requireMember() still counts.
      const suspended = await tx.member.findMany({
        where: { id: { in: [requester.id, recipient.id] }, suspendedAt: { not: null }, OR: [{ suspendedUntil: null }, { suspendedUntil: { gt: now } }] },
        select: { id: true },
      });
      if (suspended.some((m) => m.id === requester.id)) throw new AppError("suspended", "Your account is suspended.");
      if (suspended.length) throw notFound("That member");
      await expireRequests(tx, { now, memberIds: [requester.id, recipient.id] });

      // Read once: the policy in force now is both what the gate evaluates and what the snapshot keeps.
      const settings = await getAppSettings(tx);
      const policy = await loadPolicy(tx, recipient.id, settings);
      const evaluation = await evaluatePair(requester.id, recipient.id, { db: tx, now, role: "requester", policyOverride: policy, settings });
      if (!evaluation) throw notFound("That member");

      if (evaluation.status === "incoming") return acceptMutual(tx, requester, recipient, note, now);
      refuseUnlessWarm(evaluation, recipient);

      const budget = await loadRequestBudget(tx, requester.id, now, settings);
      if (budget.weeklyFreesAt) {
        throw new AppError(
          "weekly_limit",
          `You've sent ${budget.weeklyLimit} requests in the last 7 days, the most allowed. You can send another from ${formatDate(budget.weeklyFreesAt)}.`,
          { retryAt: budget.weeklyFreesAt },
        );
      }
      if (budget.pendingFreesAt) {
        throw new AppError(
          "pending_limit",
          `You have ${budget.pendingCap} requests waiting for an answer, the most allowed. Withdraw one, or wait: the oldest expires on ${formatDate(budget.pendingFreesAt)}.`,
          { retryAt: budget.pendingFreesAt },
        );
      }

      const expiresAt = new Date(now.getTime() + settings.requests.expiryDays * DAY);
      const request = await tx.connectionRequest.create({
        data: {
          requesterId: requester.id,
          recipientId: recipient.id,
          note,
          status: "pending",
          pendingPairKey: pairKey(requester.id, recipient.id),
          snapshot: buildSnapshot(evaluation, policy, now) as unknown as object,
          createdAt: now,
          expiresAt,
        },
        select: { id: true },
      });
      await notify(
        tx,
        recipient.id,
        "request_received",
        { requestId: request.id, member: { handle: requester.handle, name: requester.name }, excerpt: excerpt(note) },
        now,
      );
      await recordAudit(tx, {
        actorId: requester.id,
        action: "request.sent",
        subjectType: "connection_request",
        subjectId: request.id,
        data: { recipientId: recipient.id, percent: evaluation.percent, preset: policy.preset },
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
  return new AppError("duplicate_pending", "There is already a request waiting between the two of you.");
}

/** Maps every status but warm to its refusal. A block is never revealed: it reads as not found. */
function refuseUnlessWarm(evaluation: Evaluation, recipient: Recipient): void {
  const first = recipient.name.split(" ")[0];
  switch (evaluation.status) {
    case "warm":
      return;
    case "blocked":
      throw notFound("That member");
    case "self":
      throw new AppError("self", "You can't send a connection request to yourself.");
    case "connected":
      throw new AppError("already_connected", `You're already connected with ${first}.`);
    case "requested":
      throw duplicatePending();
    case "cooldown": {
      const until = evaluation.cooldownUntil ? new Date(evaluation.cooldownUntil) : undefined;
      throw new AppError(
        "cooldown",
        until ? `You can ask ${first} again after ${formatDate(until)}.` : `You can't ask ${first} again just yet.`,
        { retryAt: until },
      );
    }
    case "closed":
      throw new AppError("closed", `${first} is not accepting connection requests.`);
    case "too_new":
      throw new AppError("too_new", evaluation.nextSteps[0] ?? `Your account is too new to ask ${first} yet.`);
    default:
      throw new AppError(
        "warmup_incomplete",
        `You're not warmed up with ${first} yet. ${evaluation.nextSteps[0] ?? ""}`.trim(),
        { details: { evaluation } },
      );
  }
}

/**
 * The recipient had already asked the requester: sending is answering yes. Their request is
 * accepted and the pair connected; no second request is stored (nothing is stored that the
 * gate did not allow), the note is kept in the audit trail.
 */
async function acceptMutual(tx: Tx, requester: Recipient, recipient: Recipient, note: string, now: Date): Promise<SendResult> {
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
  await connectMembers(tx, requester.id, recipient.id, now);
  await notify(tx, recipient.id, "request_accepted", { requestId: incoming.id, member: { handle: requester.handle, name: requester.name }, mutual: true }, now);
  await notify(tx, requester.id, "request_accepted", { requestId: incoming.id, member: { handle: recipient.handle, name: recipient.name }, mutual: true, answeredTheirs: true }, now);
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

function excerpt(note: string, max = 140): string {
  return note.length <= max ? note : `${note.slice(0, max - 1).trimEnd()}…`;
}
