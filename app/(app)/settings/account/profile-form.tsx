"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PROFILE_LINKS } from "@/lib/validation/member";
import { updateProfileAction } from "@/lib/server/actions/account";

type Profile = Record<string, string | null>;

export function ProfileForm({ profile }: { profile: Profile }) {
  const [state, action] = useActionState(updateProfileAction, {});
  const value = (k: string) => state.values?.[k] ?? profile[k] ?? "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field name="name" label="Name" errors={state.fields?.name}>
        {(p) => <input {...p} className="input" defaultValue={value("name")} maxLength={80} required />}
      </Field>
      <Field name="headline" label="Headline" errors={state.fields?.headline} hint="One line about your work, e.g. “Platform engineer at Acme”.">
        {(p) => <input {...p} className="input" defaultValue={value("headline")} maxLength={120} />}
      </Field>
      <Field name="bio" label="Bio" errors={state.fields?.bio}>
        {(p) => <textarea {...p} className="input min-h-28" defaultValue={value("bio")} maxLength={1000} />}
      </Field>
      <Field name="location" label="Location" errors={state.fields?.location}>
        {(p) => <input {...p} className="input" defaultValue={value("location")} maxLength={80} />}
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Elsewhere</legend>
        {PROFILE_LINKS.map((l) => (
          <Field key={l.key} name={l.key} label={l.label} errors={state.fields?.[l.key]}>
            {(p) => <input {...p} type="url" className="input" placeholder="https://" defaultValue={value(l.key)} />}
          </Field>
        ))}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
