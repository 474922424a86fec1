"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { regenerateRecoveryCodesAction, type CodesState } from "@/lib/server/actions/factors";
import { RecoveryCodes } from "./recovery-codes";

export function RecoveryCodesForm({ askPassword, hasCodes }: { askPassword: boolean; hasCodes: boolean }) {
  const [state, action] = useActionState<CodesState, FormData>(regenerateRecoveryCodesAction, {});
  if (state.recoveryCodes) return <div className="mt-3"><RecoveryCodes codes={state.recoveryCodes} /></div>;
  return (
    <form action={action} className="mt-3 space-y-3" noValidate>
      {askPassword ? (
        <Field name="codes-password" label="Your password, to make new codes" errors={state.fields?.password} hint={hasCodes ? "New codes replace the old ones." : undefined}>
          {(p) => <input {...p} name="password" type="password" className="input" autoComplete="current-password" required />}
        </Field>
      ) : null}
      <FormMessage state={state} />
      <SubmitButton className="btn-secondary" pendingText="Making codes…">
        {hasCodes ? "Make new recovery codes" : "Make recovery codes"}
      </SubmitButton>
    </form>
  );
}
