"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

export function SignOutEverywhereForm({ action: submit }: { action: FormAction }) {
  const [state, action] = useActionState(submit, {});
  return (
    <form action={action} className="space-y-2">
      <p className="text-sm muted">
        Signs out every other browser and device where you are signed in, including any copy of your session. You stay signed in here. API tokens
        keep working; revoke them under API tokens.
      </p>
      <SubmitButton className="btn-secondary" pendingText="Signing out…">
        Sign out everywhere else
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
