"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { KUDOS_MAX } from "@/lib/validation/kudos";
import type { FormAction } from "@/lib/server/action-result";
import { SubmissionKey } from "@/components/ui/submission-key";

/** A short public thank-you on someone's profile. */
export function KudosForm({ recipientHandle, firstName, giveKudosAction }: { recipientHandle: string; firstName: string; giveKudosAction: FormAction }) {
  const [state, action] = useActionState(giveKudosAction, {});
  const [length, setLength] = useState(0);
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setLength(state.ok ? 0 : (state.values?.body ?? "").length);
  }
  const errors = state.fields?.body ?? state.fields?.recipientHandle;
  return (
    <form action={action} className="space-y-2" noValidate>
      <SubmissionKey answered={state} />
      <input type="hidden" name="recipientHandle" value={recipientHandle} />
      <label htmlFor="kudos-body" className="block text-sm font-medium">
        Kudos for {firstName}
      </label>
      <textarea
        id="kudos-body"
        name="body"
        rows={3}
        defaultValue={state.ok ? "" : (state.values?.body ?? "")}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        placeholder={`Thank ${firstName} for something specific — a review, an answer, a talk…`}
        className="input resize-y text-sm"
        aria-invalid={Boolean(errors?.length) || length > KUDOS_MAX}
        aria-describedby="kudos-count kudos-error"
        required
      />
      <div className="flex items-center justify-between gap-2 text-xs">
        <p id="kudos-error" className="text-sm text-red-700 dark:text-red-400">
          {errors?.[0] ?? ""}
        </p>
        <p id="kudos-count" className={`tabular-nums ${length > KUDOS_MAX ? "font-medium text-red-700 dark:text-red-400" : "muted"}`}>
          {length} / {KUDOS_MAX}
        </p>
      </div>
      <div className="flex items-center justify-end gap-3">
        <FormMessage state={errors?.length ? { ok: false } : state} />
        <SubmitButton pendingText="Sending…">Give kudos</SubmitButton>
      </div>
    </form>
  );
}
