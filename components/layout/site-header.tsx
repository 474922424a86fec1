import Link from "next/link";
import { PeopleSearch } from "@/components/people/people-search";
import { NavLink } from "@/components/layout/nav-link";
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
  // The current section is marked like the tab bars (components/layout/tab-nav.tsx): an
  // orange edge and a heavier weight, plus aria-current="page" (set by NavLink).
  const marks = stacked
    ? {
        className: "flex min-h-11 items-center rounded-r-md border-l-4 px-2 text-base no-underline hover:bg-stone-100 dark:hover:bg-stone-800",
        idleClassName: "border-transparent font-medium text-stone-800 dark:text-stone-200",
        currentClassName: "border-orange-700 bg-stone-100 font-semibold text-stone-900 dark:bg-stone-800 dark:text-white",
      }
    : {
        className: "inline-flex min-h-8 items-center rounded-md border-b-2 px-1.5 text-sm no-underline hover:bg-stone-100 dark:hover:bg-stone-800",
        idleClassName: "border-transparent font-medium text-stone-700 dark:text-stone-300",
        currentClassName: "border-orange-700 font-semibold text-stone-900 dark:text-white",
      };
  return (
    <>
      <NavLink {...marks} href="/">Dashboard</NavLink>
      <NavLink {...marks} href="/feed">Feed</NavLink>
      <NavLink {...marks} href="/people">People</NavLink>
      <NavLink {...marks} href="/relationships">Relationships</NavLink>
      <NavLink {...marks} href="/requests">
        Requests{" "}<Badge count={counts.incoming} label="incoming requests" />
      </NavLink>
      <NavLink {...marks} href="/connections">Connections</NavLink>
      <NavLink {...marks} href="/interactions">Interactions</NavLink>
      <NavLink {...marks} href="/notifications">
        Notifications{" "}<Badge count={counts.unread} label="unread" />
      </NavLink>
      {stacked ? <hr className="my-2 border-stone-200 dark:border-stone-800" /> : <span aria-hidden className="flex-1" />}
      <NavLink {...marks} href={`/u/${viewer.handle}`}>
        {stacked ? <>Your profile <span className="ml-1 muted">@{viewer.handle}</span></> : `@${viewer.handle}`}
      </NavLink>
      <NavLink {...marks} href="/settings/account" section="/settings">Settings</NavLink>
      {viewer.role === "admin" ? <NavLink {...marks} href="/admin">Admin</NavLink> : null}
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
