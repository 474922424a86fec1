"use client";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/server/action-result";

/**
 * A one-button form for a server action (withdraw, remove, block, mark read…): works without
 * JavaScript, and with it announces the result in a live region.
 */
export function ActionForm({
  action,
  fields = {},
  label,
  pendingText,
  className = "btn-secondary",
  children,
}: {
  action: FormAction;
  fields?: Record<string, string>;
  label: string;
  pendingText?: string;
  className?: string;
  /** shown above the button (e.g. the consequence) */
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton className={className} pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
