"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

type Linked = { handle: string; verified: boolean; backLink: string | null } | null;
const FIELD = "linkedAccounts.mastodon";

/**
 * Link a Mastodon account: your Rapport profile links to it with rel="me"; you add a profile
 * field on Mastodon linking back to your Rapport profile; "Check again" reads the account on its instance.
 */
export function MastodonAccount({ mastodon, link, unlink, enabled }: { mastodon: Linked; link: FormAction; unlink: FormAction; enabled: boolean }) {
  const [state, linkAction] = useActionState(link, {});
  const [unlinkState, unlinkAction] = useActionState(unlink, {});
  if (!enabled) return null;
  const value = state.values?.[FIELD] ?? mastodon?.handle ?? "";
  const waiting = mastodon && !mastodon.verified && mastodon.backLink;
  return (
    <div className="space-y-4">
      <form action={linkAction} className="space-y-3" noValidate aria-labelledby="mastodon-title">
        <h3 id="mastodon-title" className="font-semibold">
          Mastodon{" "}
          {mastodon?.verified ? (
            <span className="ml-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800 dark:bg-green-900 dark:text-green-200" data-testid="mastodon-verified">
              ✓ verified
            </span>
          ) : null}
        </h3>
        <Field name={FIELD} label="Mastodon address" errors={state.fields?.[FIELD]} hint="Like @grace@mastodon.social.">
          {(p) => <input {...p} key={value} defaultValue={value} className="input" autoComplete="off" spellCheck={false} maxLength={300} required />}
        </Field>
        {waiting ? (
          <div className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800" data-testid="mastodon-backlink">
            <p>
              On Mastodon, open Edit profile → Extra fields, add a field (any label, e.g. “Rapport”) whose content is your Rapport profile address, save,
              then press “Check again”. Your Rapport profile already links to your Mastodon account.
            </p>
            <p className="mt-2 break-all">
              <span className="sr-only">Your Rapport profile address: </span>
              <code className="font-mono text-base select-all" data-testid="mastodon-backlink-value">
                {mastodon.backLink}
              </code>
            </p>
          </div>
        ) : null}
        <FormMessage state={state} />
        <SubmitButton pendingText="Checking…">{waiting ? "Check again" : mastodon?.verified ? "Save Mastodon address" : "Link Mastodon account"}</SubmitButton>
      </form>
      {mastodon ? (
        <form action={unlinkAction}>
          <input type="hidden" name="network" value="mastodon" />
          <button type="submit" className="btn-secondary text-sm">
            Unlink Mastodon
          </button>
        </form>
      ) : null}
      {/* Outside the form, which leaves with the account: the message that it was unlinked stays. A failed
          unlink shows while the account is still there; the success only once it is gone. */}
      <FormMessage state={mastodon && unlinkState.ok ? {} : unlinkState} />
    </div>
  );
}
