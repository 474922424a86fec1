"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/** Change the password (the current one is needed), or set one for an account made with GitHub, Google or LinkedIn. */
export function ChangePasswordForm({ action: submit, hasPassword }: { action: FormAction; hasPassword: boolean }) {
  const [state, action] = useActionState(submit, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-labelledby="password-title">
      <h3 id="password-title" className="font-semibold">
        {hasPassword ? "Change password" : "Set a password"}
      </h3>
      {hasPassword ? (
        <Field name="currentPassword" label="Current password" errors={state.fields?.currentPassword}>
          {(p) => <input {...p} type="password" className="input" autoComplete="current-password" required />}
        </Field>
      ) : (
        <p className="text-sm muted">You signed up with another service. Set a password to also sign in with your email.</p>
      )}
      <Field name="newPassword" label="New password" errors={state.fields?.newPassword} hint="At least 10 characters. Every other browser and device is signed out.">
        {(p) => <input {...p} type="password" className="input" autoComplete="new-password" minLength={10} maxLength={200} required />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">{hasPassword ? "Change password" : "Set password"}</SubmitButton>
    </form>
  );
}
