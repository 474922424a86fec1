"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/**
 * The moderator's two answers to an open report: take the content down (its interactions
 * stop counting) or dismiss the report. A member report offers only "Dismiss" here —
 * suspending is a separate form, with a reason.
 */
export function ReportDecision({
  reportId,
  canRemove,
  what,
  removeContentAction,
  dismissReportAction,
}: {
  reportId: string;
  canRemove: boolean;
  what: string;
  removeContentAction: FormAction;
  dismissReportAction: FormAction;
}) {
  const [removed, remove] = useActionState(removeContentAction, {});
  const [dismissed, dismiss] = useActionState(dismissReportAction, {});
  const id = useId();
  const done = removed.ok ? removed : dismissed.ok ? dismissed : null;
  if (done) return <FormMessage state={done} />;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        {canRemove ? (
          <form action={remove}>
            <input type="hidden" name="reportId" value={reportId} />
            <SubmitButton className="btn-primary" pendingText="Removing…">
              Remove {what}
            </SubmitButton>
          </form>
        ) : null}
        <form action={dismiss} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="reportId" value={reportId} />
          <label htmlFor={`${id}-note`} className="sr-only">
            Note for the audit log (optional)
          </label>
          <input id={`${id}-note`} name="note" className="input w-48 py-1.5 text-sm" placeholder="Note (optional)" maxLength={500} />
          <SubmitButton className="btn-secondary" pendingText="Dismissing…">
            Dismiss report
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={removed.message ? removed : dismissed} />
    </div>
  );
}
