"use client";
import { useActionState, useEffect, useId } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";
import { SubmissionKey } from "@/components/ui/submission-key";

/** A comment on a post, or (with parentId) a reply in a comment's thread. */
export function CommentForm({
  postId,
  parentId,
  label = "Comment",
  submitLabel = "Comment",
  placeholder = "Add a comment…",
  autoFocus,
  onCancel,
  onDone,
  createCommentAction,
}: {
  postId: string;
  parentId?: string;
  label?: string;
  submitLabel?: string;
  placeholder?: string;
  autoFocus?: boolean;
  onCancel?: () => void;
  onDone?: () => void;
  createCommentAction: FormAction;
}) {
  const [state, action] = useActionState(createCommentAction, {});
  const id = useId();
  const errors = state.fields?.body ?? state.fields?.postId ?? state.fields?.parentId;
  const message = errors?.[0] ?? (state.ok ? "" : state.message);
  useEffect(() => {
    if (state.ok) onDone?.();
  }, [state, onDone]);
  return (
    <form action={action} className="space-y-2" noValidate>
      <SubmissionKey answered={state} />
      <input type="hidden" name="postId" value={postId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <label htmlFor={`${id}-body`} className="sr-only">
        {label}
      </label>
      <textarea
        id={`${id}-body`}
        name="body"
        rows={2}
        autoFocus={autoFocus}
        defaultValue={state.ok ? "" : (state.values?.body ?? "")}
        placeholder={placeholder}
        className="input min-h-16 resize-y text-sm"
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={message ? `${id}-error` : undefined}
        required
      />
      <p id={`${id}-error`} role="status" aria-live="polite" className={message ? "text-sm text-red-700 dark:text-red-400" : "sr-only"}>
        {message ?? ""}
      </p>
      <div className="flex justify-end gap-2">
        {onCancel ? (
          <button type="button" className="btn-quiet text-sm" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <SubmitButton className="btn-secondary text-sm" pendingText="Sending…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
