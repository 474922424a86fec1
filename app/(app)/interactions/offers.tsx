"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/**
 * "Add" / "Dismiss" for one group of Found-for-you offers (one member, one network). With one
 * offer the form carries its id; with several, each offer's checkbox (ticked to begin with,
 * outside the form, tied to it by `form={formId}`) says which the buttons act on.
 */
export function OfferButtons({ formId, handle, firstName, only, action }: { formId: string; handle: string; firstName: string; only: string | null; action: FormAction }) {
  const [state, formAction] = useActionState(action, {});
  const message = state.fields?.offers?.[0] ?? state.message ?? "";
  return (
    <form id={formId} action={formAction} className="flex flex-wrap items-center gap-2" role="group" aria-label={`Add or dismiss what Rapport found with ${firstName}`}>
      <input type="hidden" name="member" value={handle} />
      {only ? <input type="hidden" name="offers" value={only} /> : null}
      <SubmitButton name="decision" value="add" className="btn-primary text-sm" pendingText="Adding…">
        {only ? "Add it" : "Add selected"}
      </SubmitButton>
      <SubmitButton name="decision" value="dismiss" className="btn-quiet text-sm">
        {only ? "Dismiss" : "Dismiss selected"}
      </SubmitButton>
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
        {message}
      </p>
    </form>
  );
}
