"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

export function UnsubscribeForm({ action, token }: { action: FormAction; token: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="t" value={token} />
      {state.ok ? null : <SubmitButton pendingText="Unsubscribing…">Unsubscribe</SubmitButton>}
      <FormMessage state={state} />
    </form>
  );
}
