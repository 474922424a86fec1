"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";
import { POST_MAX } from "@/lib/validation/post";
import type { ReactNode } from "react";
import { SubmissionKey } from "@/components/ui/submission-key";

/** Write a post, or — with `sharedPostId` — share one with words of your own. */
export function Composer({ sharedPostId, sharing, createPostAction }: { sharedPostId?: string; sharing?: ReactNode; createPostAction: FormAction }) {
  const [state, action] = useActionState(createPostAction, {});
  const [length, setLength] = useState(0);
  // After each submission the box holds what the server sent back: count that.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setLength(state.ok ? 0 : (state.values?.body ?? "").length);
  }
  const errors = state.fields?.body ?? state.fields?.sharedPostId;
  const over = length > POST_MAX;
  return (
    <form id="composer" action={action} className="card space-y-3" noValidate>
      <SubmissionKey answered={state} />
      <label htmlFor="composer-body" className="block text-sm font-medium">
        Write a post
      </label>
      {sharedPostId ? <input type="hidden" name="sharedPostId" value={sharedPostId} /> : null}
      <textarea
        id="composer-body"
        name="body"
        // A share starts with the cursor in the box: the point of the page is to write.
        autoFocus={Boolean(sharedPostId)}
        defaultValue={state.ok ? "" : (state.values?.body ?? "")}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        className="input min-h-24 resize-y"
        placeholder={sharedPostId ? "Say why it's worth reading…" : "Share something you learned, ask a question, thank someone with @handle…"}
        aria-invalid={Boolean(errors?.length) || over}
        aria-describedby="composer-hint composer-count composer-error"
        required
      />
      {sharing}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id="composer-hint" className="text-xs muted">
          Plain text. Links become clickable; @handles mention people.
        </p>
        <p id="composer-count" className={`text-xs tabular-nums ${over ? "font-medium text-red-700 dark:text-red-400" : "muted"}`}>
          {length.toLocaleString("en")} / {POST_MAX.toLocaleString("en")}
          {over ? <span className="sr-only"> — too long</span> : null}
        </p>
      </div>
      {errors?.length ? (
        <p id="composer-error" className="text-sm text-red-700 dark:text-red-400">
          {errors[0]}
        </p>
      ) : (
        <span id="composer-error" hidden />
      )}
      <div className="flex items-center justify-end gap-3">
        <FormMessage state={errors?.length ? { ok: false } : state} />
        <SubmitButton pendingText={sharedPostId ? "Sharing…" : "Posting…"}>{sharedPostId ? "Share" : "Post"}</SubmitButton>
      </div>
    </form>
  );
}
