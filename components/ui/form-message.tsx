/** The result of a form submission, announced politely to screen readers. */
export function FormMessage({ state }: { state?: { ok?: boolean; message?: string } }) {
  return (
    <p role="status" aria-live="polite" className={state?.ok ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-red-700 dark:text-red-400"}>
      {state?.message ?? ""}
    </p>
  );
}
