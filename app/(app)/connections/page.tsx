import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { ActionForm } from "@/components/ui/action-form";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { ZConnectionsQuery } from "@/lib/validation/connection";
import { removeConnectionAction } from "@/lib/server/actions/connections";
import { loadConnectionsPage } from "@/lib/server/loaders/connections";

export const metadata = { title: "Connections" };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

export default async function ConnectionsPage({ searchParams }: Props) {
  const fmt = await dateFormat();
  const sp = await searchParams;
  const parsed = ZConnectionsQuery.safeParse({ q: sp.q, page: sp.page });
  const { q, page } = parsed.success ? parsed.data : { q: "", page: 1 };
  const { list } = await loadConnectionsPage({ q, page });
  const link = (p: number) => `/connections?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Connections</h1>
      <form method="get" action="/connections" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">Search connections</label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="Name or @handle" className="input mt-1" maxLength={80} />
        </div>
        <button type="submit" className="btn-secondary">Search</button>
      </form>
      <p className="text-sm muted" role="status">
        {q
          ? `${list.total} connection${list.total === 1 ? "" : "s"} matching “${q}”.`
          : `${list.total} connection${list.total === 1 ? "" : "s"}.`}
      </p>
      {list.items.length === 0 ? (
        <p className="card text-sm muted">
          {q
            ? "No connection matches that search. Try part of a name or a handle."
            : "No connections yet. Warm up with people first — reply to their posts, thank them — and connect when the time is right."}
        </p>
      ) : (
        <ul className="space-y-3">
          {list.items.map((c) => (
            <li key={c.id} className="card flex flex-wrap items-start gap-3">
              <Avatar name={c.name} seed={c.handle} />
              {/* At least 12 rem for the name and headline: on a phone the button goes below them. */}
              <div className="min-w-0 flex-1 basis-48">
                <p className="font-medium">
                  <Link href={`/u/${c.handle}`}>{c.name}</Link> <span className="text-sm font-normal muted">@{c.handle}</span>
                </p>
                {c.headline ? <p className="truncate text-sm muted">{c.headline}</p> : null}
                <p className="text-xs muted">Connected since {fmt.date(c.since)}</p>
              </div>
              <div className="ml-13 sm:ml-0">
                <ActionForm action={removeConnectionAction} fields={{ handle: c.handle }} label="Remove connection" pendingText="Removing…" className="btn-secondary text-sm" />
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {list.page > 1 ? <Link href={link(list.page - 1)} className="btn-secondary">Previous</Link> : null}
          <span className="muted">Page {list.page} of {list.pages}</span>
          {list.page < list.pages ? <Link href={link(list.page + 1)} className="btn-secondary">Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
