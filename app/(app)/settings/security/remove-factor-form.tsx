"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { removeFactorAction } from "@/lib/server/actions/factors";

/** "Remove", then the password (checked on the server) and a confirm button. */
export function RemoveFactorForm({ factor, id, label, askPassword }: { factor: "passkey" | "totp"; id?: string; label: string; askPassword: boolean }) {
  const [state, action] = useActionState(removeFactorAction, {});
  const [open, setOpen] = useState(false);
  const fieldName = `password-${factor}-${id ?? ""}`;
  if (!open) {
    return (
      <button type="button" className="btn-quiet text-red-700 dark:text-red-400" onClick={() => setOpen(true)}>
        Remove<span className="sr-only"> {label}</span>
      </button>
    );
  }
  return (
    <form action={action} className="w-full space-y-2 sm:w-72" noValidate>
      <input type="hidden" name="factor" value={factor} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {askPassword ? (
        <Field name={fieldName} label={`Password to remove ${label}`} errors={state.fields?.password}>
          {(p) => <input {...p} name="password" type="password" className="input" autoComplete="current-password" required autoFocus />}
        </Field>
      ) : null}
      <FormMessage state={state} />
      <div className="flex gap-2">
        <SubmitButton className="btn-primary bg-red-700 hover:bg-red-800" pendingText="Removing…">
          Remove
        </SubmitButton>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}
