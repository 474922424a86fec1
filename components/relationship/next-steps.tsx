/**
 * The next step: one primary action, shown first and strongest, and at most two more
 * (the engine gives no more than three; see lib/warmup/next-steps.ts).
 */
export function NextSteps({ steps, title = "Your next step" }: { steps: string[]; title?: string }) {
  if (steps.length === 0) return null;
  const [primary, ...more] = steps;
  return (
    <div data-testid="next-steps">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="mt-1 rounded-lg border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950 dark:border-amber-400 dark:bg-amber-950/40 dark:text-amber-50" data-testid="primary-step">
        {primary}
      </p>
      {more.length > 0 ? (
        <>
          <h4 className="mt-2 text-xs font-semibold uppercase tracking-wide muted">Also helps</h4>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {more.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
