
/** Ten codes, shown once: a list to copy, print or write down. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div role="status" aria-live="polite" className="rounded-lg border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950/40">
      <p className="text-sm font-medium text-green-900 dark:text-green-100">Your recovery codes — shown this once</p>
      <p className="mt-1 text-xs muted">Keep them somewhere safe, away from your phone. Each works once. Rapport keeps only fingerprints of them.</p>
      <ol className="mt-3 grid grid-cols-1 gap-1 font-mono text-sm sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
    </div>
  );
}
