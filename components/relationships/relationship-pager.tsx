import { CursorPager } from "@/components/ui/cursor-pager";
import { relationshipsHref, type RelationshipsView } from "./view";

/** Pages of /relationships, keeping tab, sort and search. */
export function RelationshipPager({ view, nextCursor, pageSize }: { view: RelationshipsView; nextCursor: string | null; pageSize: number }) {
  const keep = { tab: view.tab, sort: view.sort, q: view.q };
  return (
    <CursorPager view={view} nextCursor={nextCursor} pageSize={pageSize} label="Pages" what="relationships" href={(at) => relationshipsHref({ ...keep, ...at })} />
  );
}
