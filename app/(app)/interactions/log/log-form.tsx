"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  EVIDENCE_MAX,
  EVIDENCE_REQUIRED,
  LOGGED_KINDS,
  LOGGED_KIND_LABELS,
  LOGGED_PLATFORMS,
  SUMMARY_MAX,
  type LoggedPlatform,
} from "@/lib/validation/logged-interaction";
import { logInteractionAction } from "@/lib/server/actions/interactions";
import { SubmissionKey } from "@/components/ui/submission-key";

const PLATFORM_OPTIONS: Record<LoggedPlatform, string> = {
  x: "X/Twitter",
  linkedin: "LinkedIn",
  mastodon: "Mastodon",
  bluesky: "Bluesky",
  github: "GitHub",
  blog: "Blog",
  event: "Event / in person",
  other: "Other",
};

export function LogForm({ defaultTarget, today, minDate }: { defaultTarget: string; today: string; minDate: string }) {
  const [state, action] = useActionState(logInteractionAction, {});
  const value = (k: string, fallback = "") => state.values?.[k] ?? fallback;
  const [platform, setPlatform] = useState(value("platform", "x"));
  const evidenceRequired = EVIDENCE_REQUIRED.includes(platform as LoggedPlatform);
  const f = state.fields ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <SubmissionKey answered={state} />
      <Field name="targetHandle" label="Who was it with?" errors={f.targetHandle} hint="Their Rapport handle, e.g. @ana.">
        {(p) => <input {...p} className="input" defaultValue={value("targetHandle", defaultTarget)} placeholder="@handle" autoComplete="off" required />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="platform" label="Where" errors={f.platform}>
          {(p) => (
            <select {...p} className="input" defaultValue={value("platform", "x")} onChange={(e) => setPlatform(e.currentTarget.value)}>
              {LOGGED_PLATFORMS.map((pl) => (
                <option key={pl} value={pl}>
                  {PLATFORM_OPTIONS[pl]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="kind" label="What" errors={f.kind}>
          {(p) => (
            <select {...p} className="input" defaultValue={value("kind", "reply")}>
              {LOGGED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {LOGGED_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="occurredOn" label="When" errors={f.occurredOn} hint="The day it happened (UTC): not in the future, at most a year ago.">
        {(p) => <input {...p} type="date" className="input" defaultValue={value("occurredOn", today)} max={today} min={minDate} required />}
      </Field>
      <Field
        name="evidenceUrl"
        label={evidenceRequired ? "Evidence link" : "Evidence link (optional)"}
        errors={f.evidenceUrl}
        hint={evidenceRequired ? "A link to the post, reply or page where it happened (required for online platforms)." : "A link to the event page or a photo, if there is one."}
      >
        {(p) => <input {...p} type="url" className="input" defaultValue={value("evidenceUrl")} placeholder="https://" maxLength={EVIDENCE_MAX} required={evidenceRequired} />}
      </Field>
      <Field name="summary" label="Summary (optional)" errors={f.summary} hint={`What was it about? Up to ${SUMMARY_MAX} characters.`}>
        {(p) => <textarea {...p} className="input min-h-20" defaultValue={value("summary")} maxLength={SUMMARY_MAX} />}
      </Field>
      <FormMessage state={Object.keys(f).length ? { ok: false, message: "Please check the highlighted fields." } : state} />
      <SubmitButton pendingText="Logging…">Log interaction</SubmitButton>
    </form>
  );
}
