import Link from "next/link";
import type { ReactNode } from "react";

export type Tab = { key: string; href: string; label: string; badge?: ReactNode };

/** A row of page tabs (links), the current one marked for screen readers too. */
export function TabNav({ label, tabs, current }: { label: string; tabs: readonly Tab[]; current: string }) {
  return (
    <nav aria-label={label} className="my-4 flex flex-wrap gap-1 border-b border-stone-200 dark:border-stone-800">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm no-underline ${t.key === current ? "border-orange-700 font-medium" : "border-transparent muted hover:text-stone-900 dark:hover:text-white"}`}
        >
          {t.label}
          {t.badge}
        </Link>
      ))}
    </nav>
  );
}
