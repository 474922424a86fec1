import Link from "next/link";
import type { FirstSteps as Steps } from "@/lib/server/queries/first-steps";

const STEPS: { key: keyof Steps; href: string; title: string; text: string }[] = [
  { key: "protocol", href: "/settings/protocol", title: "Set your protocol", text: "Choose how much warming up you ask of people before they can request to connect." },
  { key: "people", href: "/people", title: "Find people", text: "Search by name or topic, then reply to a post or give kudos — that is how warming up starts." },
  { key: "post", href: "/feed#composer", title: "Write a first post", text: "Share something you are working on, so others have something to answer." },
];

/** A new member's empty dashboard: the first three steps as a small checklist with its progress. */
export function FirstSteps({ steps }: { steps: Steps }) {
  const done = STEPS.filter((s) => steps[s.key]).length;
  return (
    <section aria-labelledby="first-steps" className="card space-y-4">
      <div className="space-y-2">
        <h2 id="first-steps" className="text-lg font-semibold">Your first three steps</h2>
        <div className="flex items-center gap-3">
          <div role="img" aria-label={`${done} of 3 steps done`} className="flex flex-1 gap-1">
            {STEPS.map((s) => (
              <span key={s.key} className={`h-2 flex-1 rounded-full ${steps[s.key] ? "bg-green-700 dark:bg-green-500" : "bg-stone-200 dark:bg-stone-700"}`} />
            ))}
          </div>
          <span aria-hidden className="text-sm font-medium tabular-nums">{done} of 3</span>
        </div>
      </div>
      <ol className="space-y-3">
        {STEPS.map((s, i) => {
          const isDone = steps[s.key];
          return (
            <li key={s.key} className="flex items-start gap-3">
              <span
                aria-hidden
                className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${isDone ? "bg-green-700 text-white dark:bg-green-500 dark:text-stone-950" : "border border-stone-300 text-stone-700 dark:border-stone-600 dark:text-stone-300"}`}
              >
                {isDone ? "✓" : i + 1}
              </span>
              <div className="min-w-0">
                <Link href={s.href} className={`font-medium ${isDone ? "muted" : ""}`}>
                  {s.title}
                </Link>
                <span className="sr-only">{isDone ? " (done)" : " (to do)"}</span>
                <p className="text-sm muted">{s.text}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
