import Link from "next/link";
import { PersonCard, TopicLink } from "@/components/people/person-card";
import { PeoplePager } from "@/components/people/people-pager";
import { PeopleSearch } from "@/components/people/people-search";
import { loadPeoplePage } from "@/lib/server/loaders/people";
import { PEOPLE_PAGE_SIZE, ZPeoplePageQuery, peopleHref } from "@/lib/validation/people";

export const metadata = { title: "Find people" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const sp = ZPeoplePageQuery.parse(await searchParams);
  const page = await loadPeoplePage(sp);
  // A cursor that went out of date opened the first page: the pager starts over too.
  const view = page.cursorReset || !sp.cursor ? { ...sp, cursor: undefined, back: [], page: 1 } : sp;
  const what = [sp.q && !sp.tooLong ? `“${sp.q}”` : null, sp.topic ? `#${sp.topic}` : null].filter(Boolean).join(" in ");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Find people</h1>
        <p className="mt-1 text-sm muted">
          Search by name, @handle, headline, bio, location or topic — typos are forgiven. Then warm up: talk before you connect.
        </p>
      </div>
      <PeopleSearch q={sp.q} topic={sp.topic} />
      {sp.topic ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Everyone with <TopicLink topic={sp.topic} />
          <Link href={peopleHref({ q: sp.q })} className="text-xs underline">
            clear topic
          </Link>
        </p>
      ) : null}
      {sp.tooLong ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" role="alert">
          Keep the search under 100 characters — a name, a handle or a topic is enough.
        </p>
      ) : null}
      {page.cursorReset ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100" role="status">
          That page link had gone out of date, so here is the first page.
        </p>
      ) : null}

      {page.searching ? (
        <section aria-labelledby="results" className="space-y-3">
          <h2 id="results" className="sr-only">
            Results
          </h2>
          <p className="text-sm muted" role="status" aria-live="polite">
            {page.items.length === 0
              ? `No one matches ${what}.`
              : `${view.cursor ? "More people" : "People"} matching ${what}${page.nextCursor ? ", more on the next page" : ""}.`}
          </p>
          {page.items.length === 0 ? (
            <div className="card space-y-1 text-sm">
              <p>Try part of a name, a handle, or a broader topic.</p>
              <p className="muted">Some members choose not to appear in search; their profiles are still reachable by their address.</p>
            </div>
          ) : (
            <ul className="space-y-3">
              {page.items.map((p) => (
                <PersonCard key={p.id} person={p} />
              ))}
            </ul>
          )}
          <PeoplePager view={view} nextCursor={page.nextCursor} pageSize={PEOPLE_PAGE_SIZE} />
        </section>
      ) : (
        <section aria-labelledby="suggested" className="space-y-3">
          <h2 id="suggested" className="text-lg font-semibold">
            People to warm up with
          </h2>
          {page.suggestions.length === 0 ? (
            <div className="card space-y-2 text-sm">
              <p>No suggestions yet. They come from mutual connections, people who talked to you, threads you joined and shared topics.</p>
              <p>
                <Link href="/settings/account" className="underline">Add a few topics</Link> or{" "}
                <Link href="/feed" className="underline">join a conversation in the feed</Link>.
              </p>
            </div>
          ) : (
            <ul className="space-y-3">
              {page.suggestions.map((s) => (
                <PersonCard key={s.member.id} person={s.member} reasons={s.reasons} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
