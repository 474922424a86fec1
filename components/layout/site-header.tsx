import Link from "next/link";
import { PeopleSearch } from "@/components/people/people-search";
import { SiteMenu } from "@/components/layout/site-menu";
import type { ButtonAction } from "@/lib/server/action-result";
import type { Viewer } from "@/lib/server/auth/viewer";

function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-orange-700 px-1.5 text-xs font-semibold text-white">
      {count > 99 ? "99+" : count}
      <span className="sr-only"> {label}</span>
    </span>
  );
}

type Counts = { incoming: number; unread: number };

/** Every destination, once: the wide screens' row and the phone menu both render this list. */
function NavLinks({ viewer, counts, signOutAction, stacked }: { viewer: Pick<Viewer, "handle" | "role">; counts: Counts; signOutAction: ButtonAction; stacked: boolean }) {
  const link = stacked
    ? "flex min-h-11 items-center rounded-md px-2 text-base font-medium text-stone-800 no-underline hover:bg-stone-100 dark:text-stone-200 dark:hover:bg-stone-800"
    : "inline-flex min-h-8 items-center rounded-md px-1.5 text-sm font-medium text-stone-700 no-underline hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800";
  return (
    <>
      <Link className={link} href="/">Dashboard</Link>
      <Link className={link} href="/feed">Feed</Link>
      <Link className={link} href="/people">People</Link>
      <Link className={link} href="/relationships">Relationships</Link>
      <Link className={link} href="/requests">
        Requests{" "}<Badge count={counts.incoming} label="incoming requests" />
      </Link>
      <Link className={link} href="/connections">Connections</Link>
      <Link className={link} href="/interactions">Interactions</Link>
      <Link className={link} href="/notifications">
        Notifications{" "}<Badge count={counts.unread} label="unread" />
      </Link>
      {stacked ? <hr className="my-2 border-stone-200 dark:border-stone-800" /> : <span aria-hidden className="flex-1" />}
      <Link className={link} href={`/u/${viewer.handle}`}>
        {stacked ? <>Your profile <span className="ml-1 muted">@{viewer.handle}</span></> : `@${viewer.handle}`}
      </Link>
      <Link className={link} href="/settings/account">Settings</Link>
      {viewer.role === "admin" ? <Link className={link} href="/admin">Admin</Link> : null}
      <form action={signOutAction}>
        <button type="submit" className={stacked ? "btn-secondary mt-2 min-h-11 w-full" : "btn-quiet min-h-8 py-1 text-sm"}>Sign out</button>
      </form>
    </>
  );
}

/**
 * The top bar; the layout reads the viewer and their counts (null for a suspended member)
 * and hands them in. Wide screens (lg and up) show the search and a wrapping row of links;
 * narrower ones a menu button whose panel holds the search and every destination, so the
 * header never scrolls sideways.
 */
export function SiteHeader({
  viewer,
  counts,
  signOutAction,
}: {
  viewer: Pick<Viewer, "handle" | "role"> | null;
  counts: Counts | null;
  signOutAction: ButtonAction;
}) {
  return (
    <header className="relative border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2">
        <Link href="/" className="mr-3 flex min-h-11 items-center gap-2 text-lg font-semibold no-underline">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-gradient-to-r from-slate-400 via-amber-500 to-orange-600" />
          Rapport
        </Link>
        {viewer && counts ? (
          <>
            <div className="hidden lg:ml-auto lg:block lg:w-64">
              <PeopleSearch id="header-q" compact />
            </div>
            <nav aria-label="Main" className="hidden w-full flex-wrap items-center gap-1 lg:flex">
              <NavLinks viewer={viewer} counts={counts} signOutAction={signOutAction} stacked={false} />
            </nav>
            <SiteMenu waiting={counts.unread + counts.incoming}>
              <div className="pb-3">
                <PeopleSearch id="menu-q" compact />
              </div>
              <nav aria-label="Main">
                <div className="flex flex-col">
                  <NavLinks viewer={viewer} counts={counts} signOutAction={signOutAction} stacked />
                </div>
              </nav>
            </SiteMenu>
          </>
        ) : viewer ? (
          <form action={signOutAction} className="ml-auto">
            <button type="submit" className="btn-quiet text-sm">Sign out</button>
          </form>
        ) : (
          <nav aria-label="Account" className="ml-auto flex gap-2">
            <Link className="btn-quiet" href="/signin">Sign in</Link>
            <Link className="btn-primary" href="/signup">Sign up</Link>
          </nav>
        )}
      </div>
    </header>
  );
}
