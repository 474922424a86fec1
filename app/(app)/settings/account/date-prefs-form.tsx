"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";
import { DATE_LOCALES } from "@/lib/dates/prefs";

type Props = {
  action: FormAction;
  timeZone: string;
  /** null: the browser's language */
  dateLocale: string | null;
  zones: string[];
  /** "now" in the current settings, so the choice can be checked at a glance */
  example: string;
  /** the format "browser default" gives today, e.g. "en-GB" */
  browserLocale: string;
};

/** Time zone and date format; a plain form that works without JavaScript. */
export function DatePrefsForm({ action, timeZone, dateLocale, zones, example, browserLocale }: Props) {
  const [state, formAction] = useActionState(action, {});
  const zone = state.values?.timeZone ?? timeZone;
  const locale = state.values ? (state.values.dateLocale ?? "") : (dateLocale ?? "");
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm muted" data-testid="date-example">
        Right now it is <span className="font-medium text-stone-900 dark:text-stone-100">{example}</span> for you.
      </p>
      <Field
        name="timeZone"
        label="Time zone"
        errors={state.fields?.timeZone}
        hint="Every date and time is shown in this zone. The protocol’s rules (daily cap, distinct days, span) still count days in UTC, the same for everyone."
      >
        {(p) => (
          <select {...p} className="input" defaultValue={zone} key={zone}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="dateLocale" label="Date format" errors={state.fields?.dateLocale}>
        {(p) => (
          <select {...p} className="input" defaultValue={locale} key={locale}>
            <option value="">Browser default — {DATE_LOCALES.find((l) => l.tag === browserLocale)?.example ?? browserLocale}</option>
            {DATE_LOCALES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save dates and times</SubmitButton>
    </form>
  );
}
