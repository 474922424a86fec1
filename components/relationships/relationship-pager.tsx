import Link from "next/link";
import { BACK_TRAIL_MAX } from "@/lib/validation/relationships";
import { relationshipsHref, type RelationshipsView } from "./view";

/**
 * "Previous" / "Next 20" by cursor, keeping tab, sort and search. The URL carries the cursors
 * of the earlier pages (`back`) so "Previous" needs no JavaScript; when that trail is not
 * whole (it grew past BACK_TRAIL_MAX and was dropped), "First page" is offered instead.
 */
export function RelationshipPager({ view, nextCursor, pageSize }: { view: RelationshipsView; nextCursor: string | null; pageSize: number }) {
  if (!view.cursor && !nextCursor) return null;
  const keep = { tab: view.tab, sort: view.sort, q: view.q };
  const trailWhole = view.cursor !== undefined && view.back.length === view.page - 2;
  const previous = !view.cursor
    ? null
    : trailWhole
      ? relationshipsHref({ ...keep, cursor: view.back.at(-1), back: view.back.slice(0, -1), page: view.page - 1 })
      : null;
  const trail = view.cursor ? [...view.back, view.cursor] : [];
  const next = nextCursor
    ? relationshipsHref({ ...keep, cursor: nextCursor, back: trail.length <= BACK_TRAIL_MAX && (!view.cursor || trailWhole) ? trail : [], page: view.page + 1 })
    : null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
      {previous ? (
        <Link href={previous} className="btn-secondary" rel="prev">
          ← Previous
        </Link>
      ) : view.cursor ? (
        <Link href={relationshipsHref(keep)} className="btn-secondary">
          ← First page
        </Link>
      ) : null}
      <span className="muted">Page {view.page}</span>
      {next ? (
        <Link href={next} className="btn-secondary" rel="next">
          Next {pageSize} →
        </Link>
      ) : null}
    </nav>
  );
}
