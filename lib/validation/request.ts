import { z } from "zod";
import { ZHandleRef } from "./member";

export const NOTE_MIN = 30;
export const NOTE_MAX = 500;

const NOTE_HINT = "say in your own words why you would like to connect";

/**
 * The personal note: 30–500 characters after trimming. Whether it is a stock invitation
 * (lib/validation/stock-note.ts) needs both members' names and their history for the hint,
 * so the send service decides it, inside its transaction.
 */
export const ZRequestNote = z
  .string({ error: "Write a personal note to go with your request." })
  .trim()
  .min(NOTE_MIN, `Your personal note needs at least ${NOTE_MIN} characters — ${NOTE_HINT}.`)
  .max(NOTE_MAX, `Keep your personal note under ${NOTE_MAX} characters.`);

export const ZSendRequest = z.strictObject({
  to: ZHandleRef(),
  note: ZRequestNote,
});
export type TSendRequestInput = z.input<typeof ZSendRequest>;

export const DECLINE_REASONS = ["not_yet", "no"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const ZDeclineRequest = z.strictObject({
  reason: z.enum(DECLINE_REASONS, { error: "Choose a reason: “not_yet” (keep warming up) or “no”." }),
});
export type TDeclineRequestInput = z.input<typeof ZDeclineRequest>;

export const REQUEST_TABS = ["incoming", "outgoing", "history"] as const;
export type RequestTab = (typeof REQUEST_TABS)[number];
export const ZRequestTab = z.enum(REQUEST_TABS).catch("incoming");
