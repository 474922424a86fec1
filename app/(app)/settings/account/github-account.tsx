"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

type Linked = { handle: string; verified: boolean; code: string | null } | null;
const FIELD = "linkedAccounts.github";

/**
 * Link a GitHub account: in one click from the GitHub sign-in (when the member has one), or by
 * username, then a gist holding a one-time code. Once verified, comments logged with a
 * github.com link are checked by Rapport and count at once.
 */
export function GitHubAccount({ github, signIn, link, unlink, enabled }: { github: Linked; signIn: boolean; link: FormAction; unlink: FormAction; enabled: boolean }) {
  const [state, linkAction] = useActionState(link, {});
  const [signInState, signInAction] = useActionState(link, {});
  const [unlinkState, unlinkAction] = useActionState(unlink, {});
  if (!enabled) return null;
  const waiting = github && !github.verified && github.code ? github : null;
  const value = state.values?.[FIELD] ?? (waiting ? "" : (github?.handle ?? ""));
  return (
    <div className="space-y-4">
      <form action={linkAction} className="space-y-3" noValidate aria-labelledby="github-title">
        <h3 id="github-title" className="font-semibold">
          GitHub{" "}
          {github?.verified ? (
            <span className="ml-1 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800 dark:bg-green-900 dark:text-green-200" data-testid="github-verified">
              ✓ verified
            </span>
          ) : null}
        </h3>
        {waiting ? (
          <>
            <input type="hidden" name="step" value="gist" />
            <div className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800" data-testid="github-code">
              <p>
                Signed in to GitHub as @{waiting.handle}, create a gist (gist.github.com) whose file holds this code — secret or public, any file name — then paste
                the gist&rsquo;s address below and press “Check gist”. You can delete the gist once verified.
              </p>
              <p className="mt-2">
                <span className="sr-only">Your one-time code: </span>
                <code className="font-mono text-base select-all" data-testid="github-code-value">
                  {waiting.code}
                </code>
              </p>
            </div>
            <Field name={FIELD} label="Gist address" errors={state.fields?.[FIELD]} hint={<span className="break-all">Like https://gist.github.com/octocat/aa5a315d61ae9438b18d.</span>}>
              {(p) => <input {...p} key={value} defaultValue={value} type="url" inputMode="url" className="input" autoComplete="off" spellCheck={false} maxLength={300} required />}
            </Field>
          </>
        ) : (
          <>
            <input type="hidden" name="step" value="login" />
            <Field name={FIELD} label="GitHub username" errors={state.fields?.[FIELD]} hint="Like octocat.">
              {(p) => <input {...p} key={value} defaultValue={value} className="input" autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} required />}
            </Field>
          </>
        )}
        <FormMessage state={state} />
        <SubmitButton pendingText="Checking…">{waiting ? "Check gist" : github?.verified ? "Save GitHub username" : "Link GitHub account"}</SubmitButton>
      </form>
      {signIn && !github?.verified ? (
        <form action={signInAction} className="space-y-2">
          <input type="hidden" name="step" value="signin" />
          <p className="text-sm muted">You sign in to Rapport with GitHub, so that account is already proven yours.</p>
          <FormMessage state={signInState} />
          <SubmitButton pendingText="Linking…">Use my GitHub sign-in</SubmitButton>
        </form>
      ) : null}
      {github ? (
        <form action={unlinkAction}>
          <input type="hidden" name="network" value="github" />
          <button type="submit" className="btn-secondary text-sm">
            Unlink GitHub
          </button>
        </form>
      ) : null}
      {/* Outside the form, which leaves with the account: the message that it was unlinked stays. A failed
          unlink shows while the account is still there; the success only once it is gone. */}
      <FormMessage state={github && unlinkState.ok ? {} : unlinkState} />
    </div>
  );
}
