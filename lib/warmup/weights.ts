import type { InteractionKind } from "./types";

/** Default points per kind (PRODUCT §1). Admins may change them; each interaction stores its own weight. */
export const DEFAULT_WEIGHTS: Record<InteractionKind, number> = Object.freeze({
  reaction: 1,
  mention: 2,
  share: 2,
  comment: 3,
  kudos: 3,
  logged_reply: 3,
  logged_mention: 2,
  logged_met: 4,
  introduction: 5,
});

/** Kinds that are a real two-way exchange, as opposed to a one-click signal. */
export const CONVERSATIONAL_KINDS: readonly InteractionKind[] = Object.freeze([
  "comment",
  "kudos",
  "logged_reply",
  "logged_met",
  "introduction",
] as const);

/** Total: any value that is not a known conversational kind is not conversational. */
export function isConversational(kind: InteractionKind): boolean {
  switch (kind) {
    case "comment":
    case "kudos":
    case "logged_reply":
    case "logged_met":
    case "introduction":
      return true;
    default:
      return false;
  }
}

/** The kinds a member can pick when logging an interaction that happened elsewhere. */
export type LoggedKind = "reply" | "comment" | "mention" | "share" | "met_in_person" | "other";

export function loggedKindToInteractionKind(kind: LoggedKind): InteractionKind {
  switch (kind) {
    case "reply":
    case "comment":
      return "logged_reply";
    case "met_in_person":
      return "logged_met";
    case "mention":
    case "share":
    case "other":
    default:
      // "other" is weighed like a mention: we cannot tell that a conversation happened.
      return "logged_mention";
  }
}
