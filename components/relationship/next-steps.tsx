/** The evaluation's next steps, most useful first. */
export function NextSteps({ steps, title = "Next steps" }: { steps: string[]; title?: string }) {
  if (steps.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </div>
  );
}
