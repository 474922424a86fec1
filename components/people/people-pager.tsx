import { CursorPager } from "@/components/ui/cursor-pager";
import { peopleHref } from "@/lib/validation/people";

export type PeoplePageView = { q: string; topic?: string; cursor?: string; back: string[]; page: number };

/** Pages of /people search results; the query and topic stay in the URL. */
export function PeoplePager({ view, nextCursor, pageSize }: { view: PeoplePageView; nextCursor: string | null; pageSize: number }) {
  const keep = { q: view.q, topic: view.topic };
  return (
    <CursorPager view={view} nextCursor={nextCursor} pageSize={pageSize} label="Result pages" what="results" href={(at) => peopleHref({ ...keep, ...at })} />
  );
}
