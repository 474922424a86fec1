import Link from "next/link";
import { RelationshipRow } from "@/components/relationships/relationship-row";
import { RelationshipSearch, RelationshipSortSwitch, RelationshipTabs } from "@/components/relationships/relationship-controls";
import { RelationshipPager } from "@/components/relationships/relationship-pager";
import { EMPTY, TAB_LABEL, relationshipsHref, type RelationshipsView } from "@/components/relationships/view";
import { RELATIONSHIPS_PAGE_SIZE, ZRelationshipsPageQuery } from "@/lib/validation/relationships";
import { loadRelationshipsPage } from "@/lib/server/loaders/relationships";

export const metadata = { title: "Relationships" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RelationshipsPage({ searchParams }: Props) {
  const sp = ZRelationshipsPageQuery.parse(await searchParams);
  const { now, items, nextCursor, counts, cursorReset } = await loadRelationshipsPage(sp);
  const view: RelationshipsView = cursorReset || !sp.cursor ? { ...sp, cursor: undefined, back: [], page: 1 } : sp;
  const inTab = view.tab === "all" ? "" : ` in ${TAB_LABEL[view.tab]}`;
  const first = (view.page - 1) * RELATIONSHIPS_PAGE_SIZE + 1;
  const last = first + items.length - 1;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Relationships</h1>
        <p className="mt-1 text-sm muted">Everyone you are warming up with, ready for, waiting on or connected to — and the one thing to do next with each.</p>
      </div>
      <RelationshipTabs view={view} counts={counts} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="sm:flex-1">
          <RelationshipSearch view={view} />
        </div>
        <RelationshipSortSwitch view={view} />
      </div>
      {cursorReset ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" role="status">
          That page link had gone out of date, so here is the first page.
        </p>
      ) : null}
      {items.length > 0 ? (
        <p className="text-sm muted">
          {view.q
            ? view.page === 1 && !nextCursor
              ? `${items.length} ${items.length === 1 ? "match" : "matches"} for “${view.q}”${inTab}.`
              : `Matches for “${view.q}”${inTab}: ${first}–${last}${nextCursor ? ", more on the next page" : ""}.`
            : `Showing ${first}–${last} of ${view.tab === "all" ? total : counts[view.tab]}.`}
        </p>
      ) : null}
      {items.length === 0 ? (
        <div className="card space-y-2 text-sm">
          {view.q ? (
            <>
              <p>No one matching “{view.q}”{inTab}.</p>
              {view.tab !== "all" ? (
                <p>
                  <Link href={relationshipsHref({ sort: view.sort, q: view.q })} className="underline">
                    Search all relationships
                  </Link>
                </p>
              ) : (
                <p className="muted">Try part of a name or a handle.</p>
              )}
            </>
          ) : (
            <>
              <p className="muted">{EMPTY[view.tab]}</p>
              {view.tab === "warming" || view.tab === "all" ? (
                <p>
                  <Link href="/feed" className="underline">Go to the feed</Link>
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <ul className="space-y-3">
          {items.map((r) => (
            <RelationshipRow key={r.member.id} r={r} now={now} />
          ))}
        </ul>
      )}
      <RelationshipPager view={view} nextCursor={nextCursor} pageSize={RELATIONSHIPS_PAGE_SIZE} />
    </div>
  );
}
