import Link from "next/link";
import { TabNav } from "@/components/layout/tab-nav";
import { RELATIONSHIP_SORTS, type RelationshipTab } from "@/lib/warmup/relationship-tabs";
import { RELATIONSHIP_PAGE_TABS } from "@/lib/validation/relationships";
import { SORT_LABEL, TAB_LABEL, relationshipsHref, type RelationshipsView } from "./view";

function Count({ n, label }: { n: number; label: string }) {
  return (
    <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-stone-200 px-1.5 text-xs font-semibold tabular-nums text-stone-800 dark:bg-stone-800 dark:text-stone-200">
      {n}
      <span className="sr-only"> {label}</span>
    </span>
  );
}

/** The tabs, each with how many it lists; switching tab keeps the sort and the search, and starts at the first page. */
export function RelationshipTabs({ view, counts }: { view: RelationshipsView; counts: Record<RelationshipTab, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs = RELATIONSHIP_PAGE_TABS.map((t) => {
    const n = t === "all" ? total : counts[t];
    return {
      key: t,
      href: relationshipsHref({ tab: t, sort: view.sort, q: view.q }),
      label: TAB_LABEL[t],
      badge: <Count n={n} label={n === 1 ? "relationship" : "relationships"} />,
    };
  });
  return <TabNav label="Relationship tabs" tabs={tabs} current={view.tab} />;
}

/** Sort order as two links (works without JavaScript); the current one is marked. */
export function RelationshipSortSwitch({ view }: { view: RelationshipsView }) {
  return (
    <nav aria-label="Sort" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="muted" aria-hidden>Sort:</span>
      <span className="inline-flex rounded-lg border border-stone-300 p-0.5 dark:border-stone-700">
        {RELATIONSHIP_SORTS.map((s) => (
          <Link
            key={s}
            href={relationshipsHref({ tab: view.tab, sort: s, q: view.q })}
            aria-current={s === view.sort ? "true" : undefined}
            className={`rounded-md px-3 py-1 no-underline ${s === view.sort ? "bg-stone-800 font-medium text-white dark:bg-stone-200 dark:text-stone-900" : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"}`}
          >
            <span className="sr-only">Sort by </span>
            {SORT_LABEL[s]}
          </Link>
        ))}
      </span>
    </nav>
  );
}

/** Search by name: a plain GET form that keeps the tab and the sort. */
export function RelationshipSearch({ view }: { view: RelationshipsView }) {
  return (
    <form method="get" action="/relationships" role="search" aria-label="Relationships" className="flex flex-wrap items-end gap-2">
      {view.tab !== "all" ? <input type="hidden" name="tab" value={view.tab} /> : null}
      {view.sort !== "closest" ? <input type="hidden" name="sort" value={view.sort} /> : null}
      <div className="min-w-0 flex-1 basis-48">
        <label htmlFor="relationships-q" className="block text-sm font-medium">Search by name</label>
        <input id="relationships-q" name="q" type="search" defaultValue={view.q} placeholder="Name or @handle" className="input mt-1" maxLength={80} />
      </div>
      <button type="submit" className="btn-secondary">Search</button>
      {view.q ? (
        <Link href={relationshipsHref({ tab: view.tab, sort: view.sort })} className="btn-quiet">
          Clear<span className="sr-only"> the search</span>
        </Link>
      ) : null}
    </form>
  );
}
