"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { INTRODUCTION_NOTE_MAX } from "@/lib/validation/introduction";
import type { FormAction } from "@/lib/server/action-result";
import { SubmissionKey } from "@/components/ui/submission-key";

type Member = { handle: string; name: string };

type Props = {
  /** the profile's member: the one being introduced (A) */
  member: Member;
  /** the viewer's connections A may be introduced to (lib/server/queries/introductions.ts eligibleIntroductionTargets) */
  targets: Member[];
  introduceAction: FormAction;
};

/**
 * "Introduce @a to…": the viewer, connected to both, vouches for A to one of their other
 * connections. Renders nothing when there is nobody to introduce A to.
 */
export function IntroduceForm({ member, targets, introduceAction }: Props) {
  const [state, action] = useActionState(introduceAction, {});
  const id = useId();
  if (targets.length === 0 && !state.ok) return null;
  const first = member.name.split(" ")[0];
  const err = (f: string) => state.fields?.[f]?.[0];
  return (
    <details className="card text-sm" open={Boolean(state.message || state.fields)}>
      <summary className="cursor-pointer select-none font-medium">Introduce @{member.handle} to…</summary>
      {state.ok ? (
        <p role="status" aria-live="polite" className="mt-3 text-green-700 dark:text-green-400">
          {state.message}
        </p>
      ) : (
        <form action={action} className="mt-3 space-y-3" noValidate>
          <SubmissionKey answered={state} />
          <p className="muted">
            You&apos;re connected to {first} and to each of these people. An introduction tells them why they should talk — and, if
            their protocol allows it, it counts toward {first}&apos;s warm-up with them.
          </p>
          <input type="hidden" name="introducedHandle" value={member.handle} />
          <div className="space-y-1">
            <label htmlFor={`${id}-to`} className="block font-medium">
              Introduce {first} to
            </label>
            <select
              id={`${id}-to`}
              name="introducedToHandle"
              className="input"
              required
              defaultValue={state.values?.introducedToHandle ?? ""}
              aria-invalid={Boolean(err("introducedToHandle"))}
              aria-describedby={err("introducedToHandle") ? `${id}-to-error` : undefined}
            >
              <option value="" disabled>
                Choose a connection
              </option>
              {targets.map((t) => (
                <option key={t.handle} value={t.handle}>
                  {t.name} (@{t.handle})
                </option>
              ))}
            </select>
            {err("introducedToHandle") ? (
              <p id={`${id}-to-error`} className="text-red-700 dark:text-red-400">
                {err("introducedToHandle")}
              </p>
            ) : null}
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-note`} className="block font-medium">
              Introduction note
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              className="input min-h-24"
              maxLength={INTRODUCTION_NOTE_MAX}
              required
              defaultValue={state.values?.note ?? ""}
              placeholder={`Why should they meet? e.g. “${first} is working on the same problem you wrote about last week.”`}
              aria-invalid={Boolean(err("note"))}
              aria-describedby={`${id}-note-hint${err("note") ? ` ${id}-note-error` : ""}`}
            />
            <p id={`${id}-note-hint`} className="text-xs muted">
              Both of them will see it. Up to {INTRODUCTION_NOTE_MAX} characters.
            </p>
            {err("note") ? (
              <p id={`${id}-note-error`} className="text-red-700 dark:text-red-400">
                {err("note")}
              </p>
            ) : null}
          </div>
          <FormMessage state={state.fields ? {} : state} />
          <SubmitButton pendingText="Introducing…">Introduce</SubmitButton>
        </form>
      )}
    </details>
  );
}
