"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { QrCode } from "@/components/ui/qr-code";
import { confirmTotpAction, startTotpAction, type CodesState, type TotpSetupState } from "@/lib/server/actions/factors";
import { RecoveryCodes } from "./recovery-codes";

/** Two steps: a new secret (QR code and text, shown now only), then a code from the app to prove it works. */
export function TotpSetup({ askPassword, on }: { askPassword: boolean; on: boolean }) {
  const [setup, start] = useActionState<TotpSetupState, FormData>(startTotpAction, {});
  const [confirmed, confirm] = useActionState<CodesState, FormData>(confirmTotpAction, {});

  if (confirmed.ok) {
    return (
      <div className="mt-3 space-y-3">
        <p role="status" className="text-sm text-green-700 dark:text-green-400">{confirmed.message}</p>
        {confirmed.recoveryCodes ? <RecoveryCodes codes={confirmed.recoveryCodes} /> : null}
      </div>
    );
  }
  if (on) return null;
  if (!setup.secret || !setup.uri) {
    return (
      <form action={start} className="mt-2 space-y-3">
        <p className="text-sm muted">Use an app such as 1Password, Google Authenticator or Aegis to make a new 6-digit code every 30 seconds.</p>
        <FormMessage state={setup} />
        <SubmitButton className="btn-secondary" pendingText="Preparing…">Set up an authenticator app</SubmitButton>
      </form>
    );
  }
  return (
    <div className="mt-3 space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Scan this code with your app, or type the key below into it.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        <QrCode value={setup.uri} label="QR code for your authenticator app" />
        <div className="w-full min-w-0 flex-1 space-y-1 text-sm">
          <p className="font-medium">Setup key</p>
          <code className="block break-words rounded bg-stone-100 p-2 dark:bg-stone-800" data-testid="totp-secret">
            {setup.secret.match(/.{1,4}/g)?.join(" ")}
          </code>
          <p className="text-xs muted">Shown only now. Rapport keeps it encrypted and never shows it again.</p>
        </div>
      </div>
      <form action={confirm} className="space-y-3" noValidate>
        <Field name="code" label="Code from the app" errors={confirmed.fields?.code}>
          {(p) => <input {...p} className="input w-40 font-mono" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />}
        </Field>
        {askPassword ? (
          <Field name="totp-password" label="Your password, to turn the app on" errors={confirmed.fields?.password}>
            {(p) => <input {...p} name="password" type="password" className="input" autoComplete="current-password" required />}
          </Field>
        ) : null}
        <FormMessage state={confirmed} />
        <SubmitButton pendingText="Checking…">Turn on</SubmitButton>
      </form>
    </div>
  );
}
