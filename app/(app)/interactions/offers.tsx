"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/** "Add them" / "Dismiss" for one group of Found-for-you offers: every open one about this member at once. */
export function OfferButtons({ handle, firstName, count, action }: { handle: string; firstName: string; count: number; action: FormAction }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" role="group" aria-label={`Add or dismiss what Rapport found with ${firstName}`}>
      <input type="hidden" name="member" value={handle} />
      <SubmitButton name="decision" value="add" className="btn-primary text-sm" pendingText="Adding…">
        {count === 1 ? "Add it" : "Add them"}
      </SubmitButton>
      <SubmitButton name="decision" value="dismiss" className="btn-quiet text-sm">
        Dismiss
      </SubmitButton>
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
