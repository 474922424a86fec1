"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { revokeTokenAction } from "@/lib/server/actions/tokens";

export function RevokeTokenForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeTokenAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="btn-quiet text-red-700 dark:text-red-400" pendingText="Revoking…">
        Revoke<span className="sr-only"> token “{name}”</span>
      </SubmitButton>
      {state.ok === false ? <FormMessage state={state} /> : null}
    </form>
  );
}
