import type { RequestBudget } from "./budget";
import { isSuspendedAt, type SuspensionFacts } from "./suspension";
import type { Evaluation, RelationshipStatus } from "./types";
import {
  DUPLICATE_PENDING,
  MEMBER_NOT_FOUND,
  pendingCapWords,
  STATUS_WORDS,
  SUSPENDED,
  leavingWords,
  weeklyLimitWords,
} from "./wording";

export type SendRefusalCode =
  | "self"
  | "suspended"
  | "not_found"
  | "already_connected"
  | "duplicate_pending"
  | "cooldown"
  | "closed"
  | "too_new"
  | "warmup_incomplete"
  | "weekly_limit"
  | "pending_limit"
  | "leaving";

/** Everything the send decision needs, loaded by the shell under the pair's lock. */
export type SendFacts = {
  requester: { id: string } & SuspensionFacts;
  /** `leavingOn`: the recipient asked to delete their account (erased on that date) */
  recipient: { id: string; name: string; leavingOn?: Date | null } & SuspensionFacts;
  /** the requester's evaluation under the recipient's protocol, at `now`; null when there is none to make */
  evaluation: Evaluation | null;
  /** the requester's request budget; needed only when the evaluation is warm (the shell reads it only then) */
  budget: RequestBudget | null;
  now: Date;
};

export type SendDecision =
  /** `evaluation`: the one the decision allowed (the request keeps it in its snapshot) */
  | { ok: true; mutual: boolean; evaluation: Evaluation }
  | {
      ok: false;
      code: SendRefusalCode;
      message: string;
      /** when trying again may succeed (cooldown, limits) */
      retryAt?: Date;
      details?: { evaluation: Evaluation };
    };

const refuse = (code: SendRefusalCode, message: string, extra: { retryAt?: Date; details?: { evaluation: Evaluation } } = {}): SendDecision => ({
  ok: false,
  code,
  message,
  ...extra,
});

/**
 * What stops a send before the warm-up is judged, from facts outside the pair's evaluation, in
 * the send's order: the viewer's unconfirmed email (sendRequest checks it first of all), then —
 * yourself aside — a recipient suspended (decideSend: not found), then one leaving (after a
 * block, which reads as not found). decideSend decides from this, and the lock shows it, so the
 * Connect button never offers a request the server would refuse.
 */
export type SendBarrier = "email_unverified" | "unavailable" | "leaving";

export function sendBarrierOf(f: {
  status: RelationshipStatus;
  viewer: { emailVerified: boolean };
  other: { suspended: boolean; leavingOn: Date | null };
}): SendBarrier | null {
  if (!f.viewer.emailVerified) return "email_unverified";
  if (f.status === "self") return null;
  if (f.other.suspended) return "unavailable";
  if (f.other.leavingOn && f.status !== "blocked") return "leaving";
  return null;
}

/**
 * Whether a request may be stored, the first reason that applies winning: self, a suspended
 * requester, a suspended recipient (reads as not found), a block (never revealed: not
 * found), already connected, a pending request, cooldown, a closed protocol, a too-new
 * account, the gate, then the weekly limit and the pending cap. A recipient who is leaving
 * (asked to delete their account) takes no new requests: `leaving`, after self and a block. When the recipient has
 * already asked, sending is answering yes: `{ ok: true, mutual: true }`.
 */
export function decideSend(f: SendFacts): SendDecision {
  const { evaluation: e } = f;
  const firstName = f.recipient.name.split(" ")[0];
  if (f.requester.id === f.recipient.id) return refuse("self", STATUS_WORDS.self.refusal!({ firstName }));
  if (isSuspendedAt(f.requester, f.now)) return refuse("suspended", SUSPENDED);
  // The barriers the Connect lock shows (sendBarrierOf); the email was checked by sendRequest.
  const barrier = sendBarrierOf({
    status: e?.status ?? "blocked",
    viewer: { emailVerified: true },
    other: { suspended: isSuspendedAt(f.recipient, f.now), leavingOn: f.recipient.leavingOn ?? null },
  });
  if (barrier === "unavailable" || e === null) return refuse("not_found", MEMBER_NOT_FOUND);
  const words = { firstName, step: e.nextSteps[0], cooldownUntil: e.cooldownUntil };
  // After self and a block (never revealed), before everything else: no new ties to someone leaving.
  if (barrier === "leaving") return refuse("leaving", leavingWords(firstName));
  switch (e.status) {
    case "self":
      return refuse("self", STATUS_WORDS.self.refusal!(words));
    case "blocked":
      return refuse("not_found", MEMBER_NOT_FOUND);
    case "connected":
      return refuse("already_connected", STATUS_WORDS.connected.refusal!(words));
    case "incoming":
      return { ok: true, mutual: true, evaluation: e };
    case "requested":
      return refuse("duplicate_pending", DUPLICATE_PENDING);
    case "cooldown":
      return refuse("cooldown", STATUS_WORDS.cooldown.refusal!(words), {
        retryAt: e.cooldownUntil ? new Date(e.cooldownUntil) : undefined,
      });
    case "closed":
      return refuse("closed", STATUS_WORDS.closed.refusal!(words));
    case "too_new":
      return refuse("too_new", STATUS_WORDS.too_new.refusal!(words));
    case "warm":
      break;
    default:
      return refuse("warmup_incomplete", STATUS_WORDS[e.status].refusal!(words), { details: { evaluation: e } });
  }
  const b = f.budget;
  if (!b) throw new Error("decideSend: a warm pair needs the requester's budget to decide.");
  if (b.weeklyFreesAt) return refuse("weekly_limit", weeklyLimitWords(b.weeklyLimit, b.weeklyFreesAt), { retryAt: b.weeklyFreesAt });
  if (b.pendingFreesAt) return refuse("pending_limit", pendingCapWords(b.pendingCap, b.pendingFreesAt), { retryAt: b.pendingFreesAt });
  return { ok: true, mutual: false, evaluation: e };
}
