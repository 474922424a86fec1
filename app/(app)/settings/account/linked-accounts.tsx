"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

type Linked = { handle: string; verified: boolean; code: string | null } | null;
const FIELD = "linkedAccounts.bluesky";

/**
 * Link a Bluesky account with proof of ownership: the handle gets a one-time code to put in the
 * profile description; "Check now" looks for it. Once verified, replies and mentions logged with a
 * bsky.app link are checked by Rapport and count at once.
 */
export function LinkedAccounts({ bluesky, link, unlink, enabled }: { bluesky: Linked; link: FormAction; unlink: FormAction; enabled: boolean }) {
  const [state, linkAction] = useActionState(link, {});
  const [unlinkState, unlinkAction] = useActionState(unlink, {});
  if (!enabled) return <p className="text-sm muted">Checking accounts on other networks is turned off on this server.</p>;
  const value = state.values?.[FIELD] ?? bluesky?.handle ?? "";
  return (
    <div className="space-y-4">
      <p className="text-sm muted">
        Prove an account on another network is yours, and Rapport checks the replies and mentions you log from it itself — they count at once,
        without the other member confirming. X and LinkedIn have no open API, so those stay confirmed by the other member.
      </p>
      <form action={linkAction} className="space-y-3" noValidate aria-labelledby="bluesky-title">
        <h3 id="bluesky-title" className="font-semibold">
          Bluesky{" "}
          {bluesky?.verified ? (
            <span className="ml-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800 dark:bg-green-900 dark:text-green-200" data-testid="bluesky-verified">
              ✓ verified
            </span>
          ) : null}
        </h3>
        <Field name={FIELD} label="Bluesky handle" errors={state.fields?.[FIELD]} hint="Like grace.bsky.social, or your own domain.">
          {(p) => <input {...p} key={value} defaultValue={value} className="input" autoComplete="off" spellCheck={false} maxLength={253} required />}
        </Field>
        {bluesky && !bluesky.verified && bluesky.code ? (
          <div className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800" data-testid="bluesky-code">
            <p>
              Put this code anywhere in your Bluesky profile description (Edit profile → Description), save, then press “Check now”. You can remove it once
              verified.
            </p>
            <p className="mt-2">
              <span className="sr-only">Your one-time code: </span>
              <code className="font-mono text-base select-all" data-testid="bluesky-code-value">
                {bluesky.code}
              </code>
            </p>
          </div>
        ) : null}
        <FormMessage state={state} />
        <SubmitButton pendingText="Checking…">{bluesky && !bluesky.verified && bluesky.code ? "Check now" : bluesky?.verified ? "Save" : "Link Bluesky account"}</SubmitButton>
      </form>
      {bluesky ? (
        <form action={unlinkAction}>
          <input type="hidden" name="network" value="bluesky" />
          <button type="submit" className="btn-secondary text-sm">
            Unlink Bluesky
          </button>
        </form>
      ) : null}
      {/* Outside the form, which leaves with the account: the message that it was unlinked stays. A failed
          unlink shows while the account is still there; the success only once it is gone. */}
      <FormMessage state={bluesky && unlinkState.ok ? {} : unlinkState} />
    </div>
  );
}
