"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/** Behind a disclosure, so it is never one click away; works without JavaScript. */
export function DeleteAccountForm({ action: submit, hasPassword, graceDays }: { action: FormAction; hasPassword: boolean; graceDays: number }) {
  const [state, action] = useActionState(submit, {});
  return (
    <details className="text-sm" open={state.ok === false}>
      <summary className="cursor-pointer select-none font-medium text-red-800 hover:underline dark:text-red-300">Delete my account…</summary>
      <form action={action} className="mt-3 space-y-3 rounded-lg border border-red-200 p-3 dark:border-red-900" noValidate>
        <p>
          Your profile, posts, comments, kudos, interactions, requests, connections and notifications will be erased {graceDays} days from now.
          Until then your profile says you are leaving and no one can send you a new request. You will be signed out everywhere;{" "}
          <strong>signing in again before then cancels the deletion.</strong> Download your data first if you want a copy.
        </p>
        {hasPassword ? (
          <Field name="password" label="Your password, to confirm" errors={state.fields?.password}>
            {(p) => <input {...p} type="password" className="input" autoComplete="current-password" required />}
          </Field>
        ) : (
          <p className="muted">Set a password above first; you will confirm the deletion with it.</p>
        )}
        <FormMessage state={state} />
        {hasPassword ? (
          <SubmitButton className="btn-secondary border-red-300 text-red-800 dark:border-red-800 dark:text-red-300" pendingText="Deleting…">
            Delete my account in {graceDays} days
          </SubmitButton>
        ) : null}
      </form>
    </details>
  );
}
