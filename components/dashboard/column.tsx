import type { ReactNode } from "react";

/** One dashboard column: a heading (with an optional count badge), its items or its empty state. */
export function Column({ id, title, count, badge = false, empty, children }: { id: string; title: string; count: number; badge?: boolean; empty: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card flex flex-col gap-3">
      <h2 id={id} className="flex items-center gap-2 font-semibold">
        {title}
        {count > 0 ? (
          <span
            className={`inline-flex min-w-6 items-center justify-center rounded-full px-1.5 text-xs font-semibold ${badge ? "bg-orange-700 text-white" : "bg-stone-200 text-stone-800 dark:bg-stone-800 dark:text-stone-200"}`}
          >
            {count}
            <span className="sr-only"> {count === 1 ? "item" : "items"}</span>
          </span>
        ) : null}
      </h2>
      {count === 0 ? <p className="text-sm muted">{empty}</p> : <ul className="flex flex-col gap-3">{children}</ul>}
    </section>
  );
}
