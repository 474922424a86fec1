"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { cancelSecondStepAction, secondStepAction } from "@/lib/server/actions/factors";

/**
 * A code from the authenticator app, or a recovery code. Switching is a link (the page reads
 * ?method=), so it works without JavaScript too.
 */
export function SecondStepForm({ next, totp, method: asked }: { next: string; totp: boolean; method: "totp" | "recovery" }) {
  const [state, action] = useActionState(secondStepAction, {});
  const method = totp ? asked : "recovery";
  const other = `/signin/second-factor?next=${encodeURIComponent(next)}${method === "totp" ? "&method=recovery" : ""}`;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="method" value={method} />
        {method === "totp" ? (
          <Field name="code" label="Code from your authenticator app" errors={state.fields?.code}>
            {(p) => <input {...p} key="totp" className="input w-40 font-mono" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required autoFocus />}
          </Field>
        ) : (
          <Field name="code" label="Recovery code" errors={state.fields?.code} hint="One of the ten codes you saved, like abcd-efgh-ijkl-mnop. Each works once.">
            {(p) => <input {...p} key="recovery" className="input font-mono" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={24} required autoFocus />}
          </Field>
        )}
        {/* The field shows a code error; the live region still announces it (focus stays on the button). */}
        {state.fields?.code ? (
          <p role="alert" className="sr-only">
            {state.message}
          </p>
        ) : (
          <FormMessage state={state} />
        )}
        <SubmitButton pendingText="Checking…">Continue</SubmitButton>
      </form>
      <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {totp ? (
          <Link href={other} replace className="underline">
            {method === "totp" ? "Use a recovery code instead" : "Use the authenticator app instead"}
          </Link>
        ) : null}
        <form action={cancelSecondStepAction}>
          <button type="submit" className="underline muted">Cancel and start over</button>
        </form>
      </div>
    </div>
  );
}
