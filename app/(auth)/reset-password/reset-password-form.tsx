"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" hint="At least 10 characters. Saving it signs you out on every device." errors={state.fields?.password ?? state.fields?.token}>
        {(p) => <input {...p} type="password" className="input" autoComplete="new-password" required minLength={10} />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save my new password</SubmitButton>
    </form>
  );
}
