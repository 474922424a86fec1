import Link from "next/link";
import { PeopleSearch } from "@/components/people/people-search";
import type { ButtonAction } from "@/lib/server/action-result";
import type { Viewer } from "@/lib/server/auth/viewer";

function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <span className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-orange-700 px-1.5 text-xs font-semibold text-white" aria-label={`${count} ${label}`}>
      {count > 99 ? "99+" : count}
    </span>
  );
}

/** The top bar; the layout reads the viewer and their counts (null for a suspended member) and hands them in. */
export function SiteHeader({
  viewer,
  counts,
  signOutAction,
}: {
  viewer: Pick<Viewer, "handle" | "role"> | null;
  counts: { incoming: number; unread: number } | null;
  signOutAction: ButtonAction;
}) {
  const link = "rounded-md px-1.5 py-1.5 text-sm font-medium text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800";
  return (
    <header className="border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-2">
        <Link href="/" className="mr-3 flex items-center gap-2 text-lg font-semibold no-underline">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-gradient-to-r from-slate-400 via-amber-500 to-orange-600" />
          Rapport
        </Link>
        {viewer && counts ? (
          // Wide screens: beside the logo (the navigation has its own row); narrow: under the navigation.
          <div className="order-last w-full pb-1 md:order-none md:ml-auto md:w-64 md:pb-0">
            <PeopleSearch id="header-q" compact />
          </div>
        ) : null}
        {viewer && counts ? (
          <nav aria-label="Main" className="-mx-4 flex w-[calc(100%+2rem)] items-center gap-1 overflow-x-auto whitespace-nowrap px-4 pb-1 md:mx-0 md:w-auto md:flex-1 md:overflow-visible md:px-0 md:pb-0">
            <Link className={link} href="/">Dashboard</Link>
            <Link className={link} href="/feed">Feed</Link>
            <Link className={link} href="/people">People</Link>
            <Link className={link} href="/relationships">Relationships</Link>
            <Link className={link} href="/requests">
              Requests<Badge count={counts.incoming} label="incoming requests" />
            </Link>
            <Link className={link} href="/connections">Connections</Link>
            <Link className={link} href="/interactions">Interactions</Link>
            <Link className={link} href="/notifications">
              Notifications<Badge count={counts.unread} label="unread" />
            </Link>
            <span className="hidden flex-1 md:block" />
            <Link className={link} href={`/u/${viewer.handle}`}>@{viewer.handle}</Link>
            <Link className={link} href="/settings/account">Settings</Link>
            {viewer.role === "admin" ? <Link className={link} href="/admin">Admin</Link> : null}
            <form action={signOutAction}>
              <button type="submit" className="btn-quiet text-sm">Sign out</button>
            </form>
          </nav>
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
