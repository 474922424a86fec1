"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";
import { NOTE_MAX, NOTE_MIN } from "@/lib/validation/request";
import { SubmissionKey } from "@/components/ui/submission-key";

/**
 * The personal note that goes with a request. Without JavaScript it is a plain form; with it,
 * a live count says how many characters are still needed or left.
 */
export function NoteForm({
  handle,
  firstName,
  autoFocus = false,
  onCancel,
  sendRequestAction,
}: {
  handle: string;
  firstName: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  sendRequestAction: FormAction;
}) {
  const [state, action] = useActionState(sendRequestAction, {});
  const [length, setLength] = useState((state.values?.note ?? "").trim().length);
  const count =
    length < NOTE_MIN
      ? `${NOTE_MIN - length} more character${NOTE_MIN - length === 1 ? "" : "s"} needed`
      : length > NOTE_MAX
        ? `${length - NOTE_MAX} character${length - NOTE_MAX === 1 ? "" : "s"} too many`
        : `${length} / ${NOTE_MAX}`;
  return (
    <form action={action} className="space-y-3" noValidate>
      <SubmissionKey answered={state} />
      <input type="hidden" name="to" value={handle} />
      <Field
        name="note"
        label="Personal note"
        errors={state.fields?.note}
        hint={`Tell ${firstName} why you would like to connect — what you talked about, what you have in common. ${NOTE_MIN}–${NOTE_MAX} characters.`}
      >
        {(p) => (
          <textarea
            {...p}
            className="input min-h-32"
            defaultValue={state.values?.note ?? ""}
            maxLength={NOTE_MAX + 100}
            required
            autoFocus={autoFocus}
            onChange={(e) => setLength(e.currentTarget.value.trim().length)}
          />
        )}
      </Field>
      <p className={`text-xs tabular-nums ${length > NOTE_MAX ? "text-red-700 dark:text-red-400" : "muted"}`} aria-live="polite" data-testid="note-count">
        {count}
      </p>
      <FormMessage state={state.fields?.note ? {} : state} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingText="Sending…">Send request</SubmitButton>
        {onCancel ? (
          <button type="button" className="btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
