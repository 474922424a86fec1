"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

export function ChangeEmailForm({ action, current }: { action: FormAction; current: string }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-3" noValidate>
      <h3 className="font-semibold">Change email</h3>
      <Field name="email" label="New email address" hint={`Now ${current}. We send a link to the new address; the change happens when you open it, and we tell the old address.`} errors={state.fields?.email}>
        {(p) => <input {...p} type="email" className="input" autoComplete="email" defaultValue={state.values?.email} required />}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Sending…">Send the link</SubmitButton>
    </form>
  );
}
