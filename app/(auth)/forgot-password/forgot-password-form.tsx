"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/** One email field and a button: the reset request, and the sign-in link request (/signin/link). */
export function ForgotPasswordForm({ action, submitLabel = "Send me a reset link" }: { action: FormAction; submitLabel?: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-4" noValidate>
      <Field name="email" label="Email" errors={state.fields?.email}>
        {(p) => <input {...p} type="email" className="input" autoComplete="email" defaultValue={state.values?.email} required />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Sending…">{submitLabel}</SubmitButton>
    </form>
  );
}
