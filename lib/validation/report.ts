import { z } from "zod";
import { ZId } from "./post";

export const REPORT_SUBJECTS = ["member", "post", "comment", "kudos", "logged_interaction"] as const;
export type ReportSubjectType = (typeof REPORT_SUBJECTS)[number];

export const SUBJECT_LABELS: Record<ReportSubjectType, string> = {
  member: "member",
  post: "post",
  comment: "comment",
  kudos: "kudos",
  logged_interaction: "logged interaction",
};

/** What a member can say is wrong. */
export const REPORT_REASONS = ["spam", "harassment", "fake_interaction", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Set by Rapport itself (never by a member): too many "no" declines in 90 days. */
export const AUTOMATIC_REASON = "automatic_no_declines";

export const REASON_LABELS: Record<ReportReason | typeof AUTOMATIC_REASON, string> = {
  spam: "Spam",
  harassment: "Harassment",
  fake_interaction: "Fake interaction",
  other: "Something else",
  [AUTOMATIC_REASON]: "Automatic: many “no” declines",
};

export const REPORT_TEXT_MAX = 1000;

/**
 * `POST /api/v1/reports` and the Report form. "Something else" needs a few words, since a
 * moderator cannot guess what it is about.
 */
export const ZReportCreate = z
  .strictObject({
    subjectType: z.enum(REPORT_SUBJECTS, { error: "Say what you're reporting: a member, post, comment, kudos or logged interaction." }),
    subjectId: ZId("item to report"),
    reason: z.enum(REPORT_REASONS, { error: "Choose a reason: spam, harassment, fake interaction or something else." }),
    text: z
      .string()
      .trim()
      .max(REPORT_TEXT_MAX, `Keep the details under ${REPORT_TEXT_MAX.toLocaleString("en")} characters.`)
      .default(""),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && v.text === "") {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Tell the moderators in a few words what is wrong." });
    }
  });
export type TReportCreateInput = z.input<typeof ZReportCreate>;

/** The one open report per reporter and item (the database's unique open_key). */
export const reportOpenKey = (reporterId: string, subjectType: string, subjectId: string) =>
  `${reporterId}:${subjectType}:${subjectId}`;
