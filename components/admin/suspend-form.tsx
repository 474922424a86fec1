"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SUSPEND_REASON_MAX } from "@/lib/validation/admin";
import type { FormAction } from "@/lib/server/action-result";

type Member = { id: string; handle: string };

/** Suspend a member, with the reason they will read and an optional end date. */
export function SuspendForm({
  member,
  reportId,
  today,
  suspendMemberAction,
}: {
  member: Member;
  reportId?: string;
  today: string;
  suspendMemberAction: FormAction;
}) {
  const [state, action] = useActionState(suspendMemberAction, {});
  const id = useId();
  const err = (f: string) => state.fields?.[f]?.[0];
  if (state.ok) return <FormMessage state={state} />;
  return (
    <details className="text-sm" open={Boolean(state.message)}>
      <summary className="cursor-pointer select-none font-medium">Suspend @{member.handle}…</summary>
      <form action={action} className="mt-2 max-w-md space-y-3" noValidate>
        <input type="hidden" name="memberId" value={member.id} />
        {reportId ? <input type="hidden" name="reportId" value={reportId} /> : null}
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block font-medium">
            Reason (the member sees this)
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            className="input min-h-20"
            maxLength={SUSPEND_REASON_MAX}
            required
            defaultValue={state.values?.reason ?? ""}
            aria-invalid={Boolean(err("reason"))}
            aria-describedby={err("reason") ? `${id}-reason-error` : undefined}
          />
          {err("reason") ? (
            <p id={`${id}-reason-error`} className="text-red-700 dark:text-red-400">
              {err("reason")}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-until`} className="block font-medium">
            Until (optional)
          </label>
          <input
            id={`${id}-until`}
            name="until"
            type="date"
            min={today}
            className="input w-48"
            defaultValue={state.values?.until ?? ""}
            aria-invalid={Boolean(err("until"))}
            aria-describedby={`${id}-until-hint${err("until") ? ` ${id}-until-error` : ""}`}
          />
          <p id={`${id}-until-hint`} className="text-xs muted">
            Empty: until an admin lifts it. The suspension ends at the start of that day (UTC).
          </p>
          {err("until") ? (
            <p id={`${id}-until-error`} className="text-red-700 dark:text-red-400">
              {err("until")}
            </p>
          ) : null}
        </div>
        <p className="text-xs muted">Their pending requests, sent and received, are withdrawn. They can sign in only to read why.</p>
        <FormMessage state={state.fields ? {} : state} />
        <SubmitButton className="btn-primary" pendingText="Suspending…">
          Suspend @{member.handle}
        </SubmitButton>
      </form>
    </details>
  );
}

export function UnsuspendForm({ member, unsuspendMemberAction }: { member: Member; unsuspendMemberAction: FormAction }) {
  const [state, action] = useActionState(unsuspendMemberAction, {});
  if (state.ok) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="memberId" value={member.id} />
      <SubmitButton className="btn-secondary" pendingText="Lifting…">
        Lift suspension of @{member.handle}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
