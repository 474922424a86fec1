"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TOKEN_NAME_MAX } from "@/lib/validation/api/token";
import { createTokenAction, type CreateTokenState } from "@/lib/server/actions/tokens";
import { CopyButton } from "./copy-button";
import { SubmissionKey } from "@/components/ui/submission-key";

export function CreateTokenForm() {
  const [state, action] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate>
        <SubmissionKey answered={state} />
        <Field name="name" label="Token name" errors={state.fields?.name} hint="What it's for, so you recognise it later — e.g. “CI bot” or “weekly report script”.">
          {(p) => (
            <input
              {...p}
              className="input"
              // A fresh, empty field after each new token; the typed name is kept on errors.
              key={state.token ?? "new"}
              defaultValue={state.ok ? "" : (state.values?.name ?? "")}
              maxLength={TOKEN_NAME_MAX}
              required
              autoComplete="off"
            />
          )}
        </Field>
        {state.ok ? null : <FormMessage state={state} />}
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
      {state.ok && state.token ? (
        <div role="status" aria-live="polite" className="rounded-lg border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950/40">
          <p className="text-sm font-medium text-green-900 dark:text-green-100">{state.message}</p>
          <label htmlFor="new-token" className="mt-3 block text-xs font-medium muted">
            Your new token
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              id="new-token"
              readOnly
              value={state.token}
              className="input min-w-0 flex-1 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby="new-token-hint"
            />
            <CopyButton value={state.token} />
          </div>
          <p id="new-token-hint" className="mt-2 text-xs muted">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>. Keep it secret: anyone with it can act as you. Rapport stores
            only a fingerprint of it, so it cannot show it to you again — if you lose it, revoke it and create another.
          </p>
        </div>
      ) : null}
    </div>
  );
}
