"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

export function UseSignInLinkForm({ action, token }: { action: FormAction; token: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p>This link signs you in once. Continue on this device?</p>
      <FormMessage state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
