import type { ButtonAction } from "@/lib/server/action-result";
import { SubmitButton } from "./submit-button";

/** The author's own Delete: a one-button form posting the item's id to `action`. */
export function DeleteButton({ action, id, label, className }: { action: ButtonAction; id: string; label: string; className?: string }) {
  return (
    <form action={action} className={className}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton className="rounded px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-100 hover:text-red-700 dark:text-stone-400 dark:hover:bg-stone-800" pendingText="Deleting…">
        {label}
      </SubmitButton>
    </form>
  );
}
