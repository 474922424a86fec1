"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 muted">That didn&apos;t work, and it&apos;s not your fault. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="btn-secondary mt-6">Try again</button>
    </div>
  );
}
