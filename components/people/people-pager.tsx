import Link from "next/link";
import { BACK_TRAIL_MAX } from "@/lib/validation/relationships";
import { peopleHref } from "@/lib/validation/people";

export type PeoplePageView = { q: string; topic?: string; cursor?: string; back: string[]; page: number };

/**
 * "Previous" / "Next 20" through search results by cursor, keeping the query and topic in the
 * URL. The URL carries the earlier pages' cursors (`back`) so "Previous" needs no JavaScript;
 * when that trail is not whole (it grew past BACK_TRAIL_MAX and was dropped), "First page" is
 * offered instead.
 */
export function PeoplePager({ view, nextCursor, pageSize }: { view: PeoplePageView; nextCursor: string | null; pageSize: number }) {
  if (!view.cursor && !nextCursor) return null;
  const keep = { q: view.q, topic: view.topic };
  const trailWhole = view.cursor !== undefined && view.back.length === view.page - 2;
  const previous =
    view.cursor && trailWhole ? peopleHref({ ...keep, cursor: view.back.at(-1), back: view.back.slice(0, -1), page: view.page - 1 }) : null;
  const trail = view.cursor ? [...view.back, view.cursor] : [];
  const next = nextCursor
    ? peopleHref({ ...keep, cursor: nextCursor, back: trail.length <= BACK_TRAIL_MAX && (!view.cursor || trailWhole) ? trail : [], page: view.page + 1 })
    : null;
  return (
    <nav aria-label="Result pages" className="flex flex-wrap items-center gap-3 text-sm">
      {previous ? (
        <Link href={previous} className="btn-secondary" rel="prev">
          ← Previous<span className="sr-only"> page of results</span>
        </Link>
      ) : view.cursor ? (
        <Link href={peopleHref(keep)} className="btn-secondary">
          ← First page
        </Link>
      ) : null}
      <span className="muted" aria-current="page">
        Page {view.page}
      </span>
      {next ? (
        <Link href={next} className="btn-secondary" rel="next">
          Next {pageSize}
          <span className="sr-only"> results</span> →
        </Link>
      ) : null}
    </nav>
  );
}
