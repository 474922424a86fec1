"use client";
import { useState, useTransition } from "react";
import { startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { addPasskeyAction, passkeyRegistrationOptionsAction, type CodesState } from "@/lib/server/actions/factors";
import { RecoveryCodes } from "./recovery-codes";
import { PASSKEY_NAME_MAX } from "@/lib/validation/factors";

/**
 * Adds a passkey: the server makes the options (and keeps the challenge), the browser asks
 * the device, the server checks the answer. Needs JavaScript: WebAuthn is a browser API.
 */
export function AddPasskeyForm({ askPassword }: { askPassword: boolean }) {
  const [state, setState] = useState<CodesState>({});
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    startTransition(async () => {
      const start = await passkeyRegistrationOptionsAction();
      if (!start.options) return setState(start);
      let response;
      try {
        response = await startRegistration({ optionsJSON: start.options });
      } catch (e) {
        const cancelled = e instanceof WebAuthnError ? e.code === "ERROR_CEREMONY_ABORTED" || e.name === "NotAllowedError" : (e as Error)?.name === "NotAllowedError";
        return setState({ ok: false, message: cancelled ? "No passkey was added (cancelled or timed out)." : "This browser or device couldn't make a passkey." });
      }
      form.set("response", JSON.stringify(response));
      const result = await addPasskeyAction(form);
      setState(result);
    });
  }

  return (
    <>
    {state.recoveryCodes ? <div className="mb-4"><RecoveryCodes codes={state.recoveryCodes} /></div> : null}
    <form action={submit} className="space-y-3" noValidate>
      <Field name="name" label="Passkey name" errors={state.fields?.name} hint="So you can tell your passkeys apart — e.g. “Laptop” or “Security key”.">
        {(p) => <input {...p} className="input" maxLength={PASSKEY_NAME_MAX} required autoComplete="off" defaultValue={state.ok ? "" : state.values?.name} key={state.ok ? state.message : "new"} />}
      </Field>
      {askPassword ? (
        <Field name="password" label="Your password, to add a passkey" errors={state.fields?.password}>
          {(p) => <input {...p} type="password" className="input" autoComplete="current-password" required />}
        </Field>
      ) : null}
      <FormMessage state={state} />
      <button type="submit" className="btn-primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Waiting for your device…" : "Add a passkey"}
      </button>
    </form>
    </>
  );
}
