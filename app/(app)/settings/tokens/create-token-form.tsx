"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { DEFAULT_TOKEN_DAYS, SCOPE_DESCRIPTIONS, TOKEN_EXPIRY_CHOICES, TOKEN_NAME_MAX, TOKEN_SCOPES, type TokenScope } from "@/lib/validation/api/token";
import { createTokenAction, type CreateTokenState } from "@/lib/server/actions/tokens";
import { CopyButton } from "./copy-button";
import { SubmissionKey } from "@/components/ui/submission-key";

const EXPIRY_LABELS: Record<(typeof TOKEN_EXPIRY_CHOICES)[number], string> = {
  "7": "In 7 days",
  "30": "In 30 days",
  "90": "In 90 days",
  "365": "In a year",
  never: "Never",
};

/** The scopes a member may pick: `admin` only shows for administrators (the server checks too). */
export function CreateTokenForm({ isAdmin }: { isAdmin: boolean }) {
  const [state, action] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  // Controlled, so a refused submission keeps the choices (React resets uncontrolled fields).
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [expiry, setExpiry] = useState<string>(String(DEFAULT_TOKEN_DAYS));
  const offered = TOKEN_SCOPES.filter((s) => s !== "admin" || isAdmin);
  const toggle = (s: TokenScope, on: boolean) => setScopes((list) => (on ? [...list, s] : list.filter((x) => x !== s)));
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
        <fieldset className="space-y-2" aria-describedby={state.fields?.scopes ? "f-scopes-error" : undefined}>
          <legend className="text-sm font-medium">What it may do</legend>
          {offered.map((s) => (
            <label key={s} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                checked={scopes.includes(s)}
                onChange={(e) => toggle(s, e.target.checked)}
                className="mt-1 h-4 w-4 accent-orange-700"
                aria-describedby={`scope-${s.replace(":", "-")}-hint`}
              />
              <span>
                <code className="font-medium">{s}</code>
                <span id={`scope-${s.replace(":", "-")}-hint`} className="block text-xs muted">
                  {SCOPE_DESCRIPTIONS[s]}
                </span>
              </span>
            </label>
          ))}
          {state.fields?.scopes?.length ? (
            <p id="f-scopes-error" className="text-sm text-red-700 dark:text-red-400">
              {state.fields.scopes[0]}
            </p>
          ) : null}
        </fieldset>
        <Field name="expiresInDays" label="Expires" errors={state.fields?.expiresInDays} hint="When it stops working on its own. Shorter is safer; you can always make another.">
          {(p) => (
            <select {...p} className="input" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
              {TOKEN_EXPIRY_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {EXPIRY_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {expiry === "never" ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
            A token that never expires keeps working until you revoke it — even if it is forgotten in an old script or leaks. Prefer a
            date, and make a new token when it runs out.
          </p>
        ) : null}
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
