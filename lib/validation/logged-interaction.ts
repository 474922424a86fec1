import { z } from "zod";
import { ZHandleRef } from "./member";
import { ZId } from "./post";

export const LOGGED_PLATFORMS = ["x", "linkedin", "mastodon", "bluesky", "github", "blog", "event", "other"] as const;
export type LoggedPlatform = (typeof LOGGED_PLATFORMS)[number];
export const PLATFORM_LABELS: Record<LoggedPlatform, string> = {
  x: "X/Twitter",
  linkedin: "LinkedIn",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  github: "GitHub",
  blog: "a blog",
  event: "an event",
  other: "elsewhere",
};
/** Online platforms always leave a public trace, so a link to it is required. */
export const EVIDENCE_REQUIRED: readonly LoggedPlatform[] = ["x", "linkedin", "mastodon", "bluesky", "github", "blog"];

export const LOGGED_KINDS = ["reply", "comment", "mention", "share", "met_in_person", "other"] as const;
export const LOGGED_KIND_LABELS: Record<(typeof LOGGED_KINDS)[number], string> = {
  reply: "Reply",
  comment: "Comment",
  mention: "Mention",
  share: "Share",
  met_in_person: "Met in person",
  other: "Other",
};

export const EVIDENCE_MAX = 500;
export const SUMMARY_MAX = 280;

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/**
 * `POST /api/v1/interactions/logged` and the log form. The date's range (not in the future,
 * not older than a year) depends on "now" and is checked by the service with
 * `occurredOnProblem`, so tests and the API share one clock.
 */
export const ZLoggedInteractionCreate = z
  .strictObject({
    targetHandle: ZHandleRef("member"),
    platform: z.enum(LOGGED_PLATFORMS, { error: "Choose where it happened: X, LinkedIn, Mastodon, Bluesky, GitHub, a blog, an event or other." }),
    kind: z.enum(LOGGED_KINDS, { error: "Choose what kind of interaction it was: reply, comment, mention, share, met in person or other." }),
    occurredOn: z
      .string({ error: "Enter the date it happened (YYYY-MM-DD)." })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD, e.g. 2026-03-14.")
      .refine((v) => parseDay(v) !== null, "That date doesn't exist — check the day and month."),
    evidenceUrl: z.preprocess(
      emptyToNull,
      z
        .string()
        .trim()
        .max(EVIDENCE_MAX, `Keep the evidence link under ${EVIDENCE_MAX} characters.`)
        .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && canParseUrl(v), "The evidence link must be a web address starting with http:// or https://.")
        .nullable()
        .optional(),
    ),
    summary: z.preprocess(
      emptyToNull,
      z.string().trim().max(SUMMARY_MAX, `Keep the summary under ${SUMMARY_MAX} characters.`).nullable().optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (EVIDENCE_REQUIRED.includes(v.platform) && !v.evidenceUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["evidenceUrl"],
        message: `Add a link to it on ${PLATFORM_LABELS[v.platform]} so they can check it — a link is required for online platforms.`,
      });
    }
  });
export type TLoggedInteractionCreateInput = z.input<typeof ZLoggedInteractionCreate>;
export type TLoggedInteractionCreate = z.output<typeof ZLoggedInteractionCreate>;

/** The target's decision about an interaction logged about them. */
export const ZLoggedDecision = z.strictObject({
  id: ZId("logged interaction"),
  decision: z.enum(["confirm", "dispute"], { error: "Choose confirm or dispute." }),
});
export type TLoggedDecisionInput = z.input<typeof ZLoggedDecision>;

function canParseUrl(v: string): boolean {
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" → UTC midnight, or null when it is not a real calendar date. */
export function parseDay(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** Why a logged date is out of range at `now` (UTC days), or null when it is fine. */
export function occurredOnProblem(day: Date, now: Date): string | null {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (day.getTime() > today) return "That date is in the future — log interactions once they have happened (dates are in UTC).";
  if (day.getTime() < oldestLoggableDay(now).getTime()) return "That's more than a year ago — only interactions from the past year can be logged.";
  return null;
}

/** The earliest day that can still be logged at `now`: a year ago, UTC. */
export function oldestLoggableDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
}
