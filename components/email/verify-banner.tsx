"use client";
import { useActionState } from "react";
import type { FormAction } from "@/lib/server/action-result";

/** Shown to a signed-in member whose address is not confirmed yet: everything works but sending requests. */
export function VerifyEmailBanner({ action }: { action: FormAction }) {
  const [state, submit] = useActionState(action, {});
  return (
    <div role="region" aria-label="Confirm your email" className="border-b border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <form action={submit} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
        <p>Please confirm your email address — until then you can do everything except send connection requests.</p>
        <button type="submit" className="underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2">
          Resend the link
        </button>
        <p role="status" aria-live="polite" className={state.ok ? "" : "text-red-800 dark:text-red-300"}>{state.message ?? ""}</p>
      </form>
    </div>
  );
}
