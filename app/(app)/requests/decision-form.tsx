"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideAction } from "@/lib/server/actions/requests";

/** The three answers, each with its consequence spelled out before it is chosen. */
export function DecisionForm({
  id,
  firstName,
  notYetUntil,
  noUntil,
  expiresOn,
}: {
  id: string;
  firstName: string;
  notYetUntil: string;
  noUntil: string;
  expiresOn: string;
}) {
  const [state, action] = useActionState(decideAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <ul className="grid gap-3 sm:grid-cols-3">
        <li className="flex flex-col gap-2 rounded-lg border border-green-200 p-3 dark:border-green-900">
          <SubmitButton name="decision" value="accept" className="btn-accept">
            Accept
          </SubmitButton>
          <p className="text-xs muted">You become connected. {firstName} is told.</p>
        </li>
        <li className="flex flex-col gap-2 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
          <SubmitButton name="decision" value="not_yet" className="btn-secondary">
            Not yet
          </SubmitButton>
          <p className="text-xs muted">Not yet: they can ask again after {notYetUntil}. {firstName} sees “keep warming up”.</p>
        </li>
        <li className="flex flex-col gap-2 rounded-lg border border-stone-200 p-3 dark:border-stone-800">
          <SubmitButton name="decision" value="no" className="btn-secondary">
            No
          </SubmitButton>
          <p className="text-xs muted">No: they can&rsquo;t ask again before {noUntil}. {firstName} sees that you declined.</p>
        </li>
      </ul>
      <p className="text-xs muted">Or leave it for now: it waits for your answer until {expiresOn}, then expires on its own (they may ask again).</p>
      <FormMessage state={state} />
    </form>
  );
}
