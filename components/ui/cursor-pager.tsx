import Link from "next/link";
import { BACK_TRAIL_MAX } from "@/lib/validation/relationships";

/** Where a cursor-paged list is: its cursor, the earlier pages' cursors (`back`) and the page number. */
export type CursorTrail = { cursor?: string; back: string[]; page: number };

/** The list's own address for a position in it, keeping its other parameters (query, tab, sort…). */
export type TrailHref = (at: { cursor?: string; back?: string[]; page?: number }) => string;

/**
 * "Previous" / "Next 20" through a cursor-paged list. The URL carries the cursors of the
 * earlier pages (`back`) so "Previous" needs no JavaScript; when that trail is not whole (it
 * grew past BACK_TRAIL_MAX and was dropped), "First page" is offered instead. Used by
 * /people and /relationships.
 */
export function CursorPager({
  view,
  nextCursor,
  pageSize,
  href,
  label = "Pages",
  what = "results",
}: {
  view: CursorTrail;
  nextCursor: string | null;
  pageSize: number;
  href: TrailHref;
  /** the nav landmark's name */
  label?: string;
  /** what the list holds, for screen readers: "Next 20 results" */
  what?: string;
}) {
  if (!view.cursor && !nextCursor) return null;
  const trailWhole = view.cursor !== undefined && view.back.length === view.page - 2;
  const previous = view.cursor && trailWhole ? href({ cursor: view.back.at(-1), back: view.back.slice(0, -1), page: view.page - 1 }) : null;
  const trail = view.cursor ? [...view.back, view.cursor] : [];
  const next = nextCursor
    ? href({ cursor: nextCursor, back: trail.length <= BACK_TRAIL_MAX && (!view.cursor || trailWhole) ? trail : [], page: view.page + 1 })
    : null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3 text-sm">
      {previous ? (
        <Link href={previous} className="btn-secondary" rel="prev">
          ← Previous<span className="sr-only"> page of {what}</span>
        </Link>
      ) : view.cursor ? (
        <Link href={href({})} className="btn-secondary">
          ← First page
        </Link>
      ) : null}
      <span className="muted">Page {view.page}</span>
      {next ? (
        <Link href={next} className="btn-secondary" rel="next">
          Next {pageSize}
          <span className="sr-only"> {what}</span> →
        </Link>
      ) : null}
    </nav>
  );
}
