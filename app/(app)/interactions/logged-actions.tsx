"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideLoggedAction, withdrawLoggedAction } from "@/lib/server/actions/interactions";

/** Confirm or dispute something logged about you. */
export function DecideButtons({ id, actorFirstName }: { id: string; actorFirstName: string }) {
  const [state, action] = useActionState(decideLoggedAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" role="group" aria-label={`Confirm or dispute what ${actorFirstName} logged`}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton name="decision" value="confirm" className="btn-primary text-sm">
        Confirm
      </SubmitButton>
      <SubmitButton name="decision" value="dispute" className="btn-secondary text-sm">
        Dispute
      </SubmitButton>
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
        {state.message ?? ""}
      </p>
    </form>
  );
}

/** Take back a pending log of yours. */
export function WithdrawButton({ id }: { id: string }) {
  const [state, action] = useActionState(withdrawLoggedAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-secondary text-sm" pendingText="Withdrawing…">
        Withdraw
      </SubmitButton>
      <p role="status" aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
        {state.ok ? "" : (state.message ?? "")}
      </p>
    </form>
  );
}
