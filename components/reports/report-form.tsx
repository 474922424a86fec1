"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { REASON_LABELS, REPORT_REASONS, REPORT_TEXT_MAX, SUBJECT_LABELS, type ReportSubjectType } from "@/lib/validation/report";
import type { FormAction } from "@/lib/server/action-result";
import { SubmissionKey } from "@/components/ui/submission-key";

const HINTS: Record<(typeof REPORT_REASONS)[number], string> = {
  spam: "Unwanted promotion, copy-pasted messages, bulk requests.",
  harassment: "Insults, threats, unwanted attention.",
  fake_interaction: "An interaction that did not happen, or was staged to warm up.",
  other: "Anything else a moderator should see — say what in the details.",
};

type Props = {
  subjectType: ReportSubjectType;
  subjectId: string;
  /** "@ben's post": read by screen readers and shown in the summary's title */
  subjectLabel?: string;
  /** false: the form without the <details> wrapper (the /report page) */
  collapsible?: boolean;
  reportAction: FormAction;
};

/**
 * The Report control: a <details> disclosure (works without JavaScript) with a reason and
 * a few words for the moderators. Submitting twice is answered kindly by the server.
 */
export function ReportForm({ subjectType, subjectId, subjectLabel, collapsible = true, reportAction }: Props) {
  const [state, action] = useActionState(reportAction, {});
  const id = useId();
  const what = subjectLabel ?? `this ${SUBJECT_LABELS[subjectType]}`;
  const reason = state.values?.reason;
  const body = state.ok ? (
    <FormMessage state={state} />
  ) : (
    <form action={action} className="space-y-3" noValidate>
      <SubmissionKey answered={state} />
      <input type="hidden" name="subjectType" value={subjectType} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <fieldset aria-describedby={state.fields?.reason ? `${id}-reason-error` : undefined}>
        <legend className="text-sm font-medium">Why are you reporting {what}?</legend>
        <div className="mt-2 space-y-2">
          {REPORT_REASONS.map((r) => (
            <label key={r} className="flex items-start gap-2 text-sm">
              <input type="radio" name="reason" value={r} defaultChecked={reason === r} required className="mt-1" />
              <span>
                <span className="font-medium">{REASON_LABELS[r]}</span>
                <span className="block text-xs muted">{HINTS[r]}</span>
              </span>
            </label>
          ))}
        </div>
        {state.fields?.reason ? (
          <p id={`${id}-reason-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
            {state.fields.reason[0]}
          </p>
        ) : null}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          Details <span className="font-normal muted">(optional, except for “Something else”)</span>
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          className="input min-h-20"
          maxLength={REPORT_TEXT_MAX}
          defaultValue={state.values?.text ?? ""}
          aria-invalid={Boolean(state.fields?.text)}
          aria-describedby={state.fields?.text ? `${id}-text-error` : undefined}
        />
        {state.fields?.text ? (
          <p id={`${id}-text-error`} className="text-sm text-red-700 dark:text-red-400">
            {state.fields.text[0]}
          </p>
        ) : null}
      </div>
      <p className="text-xs muted">Only moderators see reports. The member is not told who reported them.</p>
      <FormMessage state={state.fields ? {} : state} />
      <SubmitButton className="btn-secondary" pendingText="Sending…">
        Send report
      </SubmitButton>
    </form>
  );
  if (!collapsible) return body;
  return (
    <details className="group text-sm" open={Boolean(state.message || state.fields)}>
      <summary className="cursor-pointer select-none rounded px-1 muted hover:text-stone-900 dark:hover:text-white" aria-label={`Report ${what}`}>
        Report
      </summary>
      <div className="mt-2 w-full max-w-sm rounded-lg border border-stone-200 bg-white p-3 shadow-sm dark:border-stone-800 dark:bg-stone-900">{body}</div>
    </details>
  );
}
