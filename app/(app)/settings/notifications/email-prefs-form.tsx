"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { CATEGORY_LABELS, EMAIL_CATEGORIES, type EmailMode, type EmailPrefs } from "@/lib/email/categories";
import type { FormAction } from "@/lib/server/action-result";

const MODES: { value: EmailMode; label: string }[] = [
  { value: "instant", label: "At once" },
  { value: "digest", label: "Weekly digest" },
  { value: "never", label: "Never" },
];

export function EmailPrefsForm({ action, prefs }: { action: FormAction; prefs: EmailPrefs }) {
  const [state, submit] = useActionState(action, {});
  return (
    <form action={submit} className="space-y-4">
      {EMAIL_CATEGORIES.map((c) => {
        const current = (state.values?.[c] as EmailMode | undefined) ?? prefs[c];
        const error = state.fields?.[c]?.[0];
        return (
          <fieldset key={c} className="space-y-2" aria-describedby={`${c}-hint`}>
            <legend className="font-medium">{CATEGORY_LABELS[c].title}</legend>
            <p id={`${c}-hint`} className="text-sm muted">{CATEGORY_LABELS[c].hint}</p>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {MODES.map((m) => (
                <label key={m.value} className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="radio" name={c} value={m.value} defaultChecked={current === m.value} className="h-4 w-4 focus-visible:outline-2 focus-visible:outline-offset-2" />
                  {m.label}
                </label>
              ))}
            </div>
            {error ? <p className="text-sm text-red-700 dark:text-red-400">{error}</p> : null}
          </fieldset>
        );
      })}
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
