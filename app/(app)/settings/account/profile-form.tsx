"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PROFILE_LINKS } from "@/lib/validation/member";
import { updateProfileAction } from "@/lib/server/actions/account";

type Profile = Record<string, string | null>;

export function ProfileForm({ profile, discoverable }: { profile: Profile; discoverable: boolean }) {
  const [state, action] = useActionState(updateProfileAction, {});
  const value = (k: string) => state.values?.[k] ?? profile[k] ?? "";
  // "topics.3": the fourth topic is the one to fix; shown under the one field.
  const topicErrors = Object.entries(state.fields ?? {}).flatMap(([k, v]) => (k === "topics" || k.startsWith("topics.") ? v : []));
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
      <Field
        name="topics"
        label="Topics"
        errors={topicErrors.length ? topicErrors : undefined}
        hint="Up to 10, separated by commas, e.g. “design systems, climate, rust”. They are shown on your profile and help people find you."
      >
        {(p) => <input {...p} className="input" defaultValue={value("topics")} maxLength={400} />}
      </Field>
      <div className="flex items-start gap-2">
        <input
          id="f-discoverable"
          name="discoverable"
          type="checkbox"
          className="mt-1"
          defaultChecked={state.values ? state.values.discoverable === "on" : discoverable}
          aria-describedby="f-discoverable-hint"
        />
        <div>
          <label htmlFor="f-discoverable" className="text-sm font-medium">
            Show me in search and suggestions
          </label>
          <p id="f-discoverable-hint" className="text-xs muted">
            When off, people can still open your profile by its address, but Find people will not list you.
          </p>
        </div>
      </div>
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
