"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/** One button that posts a token from an email link. */
export function TokenForm({ action, token, label, pendingText }: { action: FormAction; token: string; label: string; pendingText: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText={pendingText}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
