"use client";
import { useActionState } from "react";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signInAction } from "@/lib/server/actions/auth";
import { PasskeySignIn } from "./passkey-sign-in";

export function SigninForm({ next, oauth }: { next: string; oauth: { id: string; name: string }[] }) {
  const [state, action] = useActionState(signInAction, {});
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4" noValidate>
        <input type="hidden" name="next" value={next} />
        <Field name="email" label="Email">
          {(p) => <input {...p} type="email" className="input" autoComplete="email" defaultValue={state.values?.email} required />}
        </Field>
        <Field name="password" label="Password">
          {(p) => <input {...p} type="password" className="input" autoComplete="current-password" required />}
        </Field>
        <FormMessage state={state} />
        <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      </form>
      <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
        <PasskeySignIn next={next} />
      </div>
      {oauth.length ? (
        <div className="border-t border-stone-200 pt-4 dark:border-stone-800">
          <p className="mb-2 text-sm muted">Or continue with</p>
          <div className="flex flex-wrap gap-2">
            {oauth.map((p) => (
              <a key={p.id} className="btn-secondary" href={`/api/auth/signin/${p.id}`}>{p.name}</a>
            ))}
          </div>
        </div>
      ) : null}
      <p className="text-sm muted">
        <Link href="/signin/link" className="underline">Email me a sign-in link</Link>
        {" · "}
        <Link href="/forgot-password" className="underline">Forgot your password?</Link>
      </p>
      <p className="text-sm muted">
        New here? <Link href="/signup" className="underline">Create an account</Link>
      </p>
    </div>
  );
}
