"use client";
import { useActionState, useEffect, useState } from "react";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { signUpAction } from "@/lib/server/actions/auth";

/**
 * The browser's time zone and language, as the new member's first date settings (changeable in
 * Settings → Account). Without JavaScript the fields stay empty: UTC and the browser's language.
 */
function useBrowserDatePrefs() {
  const [prefs, setPrefs] = useState({ timeZone: "", dateLocale: "" });
  useEffect(() => {
    // After hydration only: the server cannot know the browser's zone.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPrefs({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "", dateLocale: navigator.language ?? "" });
  }, []);
  return prefs;
}

export function SignupForm() {
  const [state, action] = useActionState(signUpAction, {});
  const v = state.values ?? {};
  const prefs = useBrowserDatePrefs();
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="timeZone" value={prefs.timeZone} />
      <input type="hidden" name="dateLocale" value={prefs.dateLocale} />
      <Field name="name" label="Name" errors={state.fields?.name}>
        {(p) => <input {...p} className="input" autoComplete="name" defaultValue={v.name} required maxLength={80} />}
      </Field>
      <Field name="handle" label="Handle" errors={state.fields?.handle} hint="3–30 letters, digits or underscores. People find you at /@handle.">
        {(p) => <input {...p} className="input" autoComplete="username" defaultValue={v.handle} required minLength={3} maxLength={30} pattern="[A-Za-z0-9_]+" />}
      </Field>
      <Field name="email" label="Email" errors={state.fields?.email} hint="Never shown to other members.">
        {(p) => <input {...p} type="email" className="input" autoComplete="email" defaultValue={v.email} required />}
      </Field>
      <Field name="password" label="Password" errors={state.fields?.password} hint="At least 10 characters.">
        {(p) => <input {...p} type="password" className="input" autoComplete="new-password" required minLength={10} />}
      </Field>
      <FormMessage state={state.fields ? { ok: false, message: "" } : state} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
      <p className="text-sm muted">
        Already a member? <Link href="/signin" className="underline">Sign in</Link>
      </p>
    </form>
  );
}
