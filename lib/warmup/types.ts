// Plain domain types for the warm-up rules engine. No I/O, no framework imports.

/** What kind of public exchange happened. Logged kinds come from interactions recorded elsewhere. */
export const INTERACTION_KINDS = [
  "reaction",
  "mention",
  "share",
  "comment", // comment on a post or reply to a comment
  "kudos",
  "logged_reply", // logged reply/comment elsewhere
  "logged_mention", // logged mention/share/other elsewhere
  "logged_met", // met in person
  "introduction",
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export type InteractionSource = "observed" | "logged" | "introduction";

/**
 * verified: observed by Rapport; pending/confirmed/disputed: logged interactions and the
 * target's decision; removed: the content behind it was deleted (never counts again).
 */
export type Verification = "verified" | "pending" | "confirmed" | "disputed" | "removed";

export type EngineInteraction = {
  id: string;
  actorId: string;
  targetId: string;
  kind: InteractionKind;
  source: InteractionSource;
  /** weight stored at the time the interaction was recorded */
  weight: number;
  occurredAt: Date;
  verification: Verification;
};

export const PRESETS = ["open", "friendly", "standard", "strict", "closed", "custom"] as const;
export type PresetName = (typeof PRESETS)[number];

export type PendingLoggedCounts = "half" | "full" | "none";

export type Criteria = {
  minPoints: number;
  minInteractions: number;
  minDistinctDays: number;
  minSpanDays: number;
  requireConversation: boolean;
  requireReciprocity: boolean;
};

export type PolicySettings = {
  freshnessDays: number;
  dailyPointCap: number;
  pendingLoggedCounts: PendingLoggedCounts;
  allowIntroductions: boolean;
  minAccountAgeDays: number;
};

/** A member's resolved protocol: preset name plus the effective criteria and settings. */
export type Policy = Criteria & PolicySettings & { preset: PresetName };

/** Every status a pair can be in, in order of precedence (see status.ts). */
export const RELATIONSHIP_STATUSES = [
  "self",
  "blocked",
  "connected",
  "incoming",
  "requested",
  "cooldown",
  "closed",
  "too_new",
  "warm",
  "warming",
  "cold",
] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** Facts about the pair other than interactions, loaded by the shell. */
export type RelationFacts = {
  blocked: boolean;
  connected: boolean;
  /** requester → recipient pending request */
  pendingOutgoing: boolean;
  /** recipient → requester pending request */
  pendingIncoming: boolean;
  /** requester may not ask again before this instant (after decline / withdraw) */
  cooldownUntil: Date | null;
};

export type EvaluateInput = {
  requesterId: string;
  recipientId: string;
  /** recipient's display name, for plain-words next steps */
  recipientName: string;
  /** the recipient's policy */
  policy: Policy;
  /**
   * Interactions between the two, in both directions (other pairs' rows are ignored).
   * Contract: ordered by (occurredAt, id) ascending, as `ORDER BY occurred_at, id` gives them
   * (ids compared as strings; invalid dates first). In that order evaluation is linear in
   * their number: one pass checks the order, one counts. Any other order gives the same
   * result, only through a sort (O(n log n)).
   */
  interactions: EngineInteraction[];
  requesterCreatedAt: Date;
  relation: RelationFacts;
  now: Date;
  /**
   * Optional: the admin's current weights per kind. Only used to word next steps
   * ("a comment is worth 3"); points always come from each interaction's stored weight.
   * Defaults to DEFAULT_WEIGHTS.
   */
  weights?: Partial<Record<InteractionKind, number>>;
  /**
   * Optional: whether the recipient has posts to reply to. false: next steps suggest kudos,
   * a mention or a logged meeting instead of a reply. Unknown (undefined) reads as true.
   */
  recipientHasPosts?: boolean;
};

export const CRITERION_KEYS = ["points", "interactions", "distinctDays", "spanDays", "conversation", "reciprocity"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export type CriterionResult = {
  key: CriterionKey;
  label: string;
  current: number;
  required: number;
  met: boolean;
};

export const NOT_COUNTED_REASONS = [
  "outside_window",
  "over_daily_cap",
  "disputed",
  "removed",
  "pending_not_counted",
  "introductions_off",
  "in_future",
] as const;
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];

/** Why an interaction counted only partly. */
export const VERDICT_NOTES = ["pending_half", "capped"] as const;
export type VerdictNote = (typeof VERDICT_NOTES)[number];

export type InteractionVerdict = {
  id: string;
  direction: "outgoing" | "incoming"; // outgoing = requester → recipient
  counted: boolean;
  /** points it contributed to the requester's total (0 for incoming) */
  points: number;
  /** set when it counted only partly (pending at half, cut by the daily cap) */
  note: VerdictNote | null;
  /** set when it did not count */
  reason: NotCountedReason | null;
  /** UTC day "YYYY-MM-DD" */
  day: string;
};

export type Evaluation = {
  status: RelationshipStatus;
  /** true when every criterion is met (the gate), regardless of status precedence */
  gateMet: boolean;
  percent: number;
  criteria: CriterionResult[];
  interactions: InteractionVerdict[];
  nextSteps: string[];
  cooldownUntil: string | null;
  evaluatedAt: string;
};
