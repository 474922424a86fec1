"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";
import { networkList } from "@/lib/verify/offers";

/**
 * "Found for you", opt-in: Rapport reads the member's own public posts (about daily) on the
 * networks it can read (`networks`) and offers the replies and mentions of members it finds on
 * /interactions. Needs a verified account there (`readable`: the ones they have); only their own
 * posts are read, so only their consent is asked.
 */
export function FindInteractionsForm({ on, networks, readable, action }: { on: boolean; networks: string[]; readable: string[]; action: FormAction }) {
  const where = networkList(networks);
  const [state, formAction] = useActionState(action, {});
  const checked = state.values ? state.values.findInteractions === "on" : on;
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="find-title">
      <h3 id="find-title" className="font-semibold">
        Found for you
      </h3>
      <div className="flex items-start gap-2">
        <input id="f-find" name="findInteractions" type="checkbox" className="mt-1" key={String(checked)} defaultChecked={checked} aria-describedby="f-find-hint" />
        <div>
          <label htmlFor="f-find" className="text-sm font-medium">
            Look for our public replies and mentions on {where} and offer them to me
          </label>
          <p id="f-find-hint" className="text-xs muted">
            About once a day Rapport reads your own public posts on {readable.length > 0 ? networkList(readable) : where} for replies to and mentions
            of members with a verified account there, and shows them on Interactions for you to add or dismiss. Nothing is logged until you add it;
            turning this off forgets what is still waiting.
            {readable.length > 0 ? "" : ` It starts once one of your accounts above is verified.`}
          </p>
        </div>
      </div>
      <FormMessage state={state} />
      <SubmitButton className="btn-secondary text-sm" pendingText="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
