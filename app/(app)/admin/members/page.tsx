import { MEMBER_SEARCH_LIMIT } from "@/lib/server/queries/admin-members";
import { ZMemberSearch } from "@/lib/validation/admin";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { AdminNav } from "@/components/admin/admin-nav";
import { SuspendForm, UnsuspendForm } from "@/components/admin/suspend-form";
import { suspendMemberAction, unsuspendMemberAction } from "@/lib/server/actions/admin";
import { requireAdminPage } from "../require-admin-page";
import { loadAdminMembersPage } from "@/lib/server/loaders/admin";

export const metadata = { title: "Members · Admin" };

export default async function AdminMembersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const fmt = await dateFormat();
  const admin = await requireAdminPage();
  const parsed = ZMemberSearch.safeParse({ q: (await searchParams).q ?? "" });
  const q = parsed.success ? parsed.data.q : "";
  const { now, members } = await loadAdminMembersPage(q);
  const today = now.toISOString().slice(0, 10);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold">Members</h1>
      <AdminNav current="members" />
      <form method="get" role="search" className="mb-4 flex max-w-lg gap-2">
        <label htmlFor="member-q" className="sr-only">
          Search members by handle, name or email
        </label>
        <input id="member-q" name="q" type="search" defaultValue={q} className="input" placeholder="Handle, name or email" maxLength={100} />
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>
      {!parsed.success ? <p className="mb-3 text-sm text-red-700 dark:text-red-400">{parsed.error.issues[0]?.message}</p> : null}
      <p className="mb-3 text-sm muted" role="status">
        {members.length === 0 ? "No members match." : q ? `${members.length} match${members.length === 1 ? "" : "es"}${members.length === MEMBER_SEARCH_LIMIT ? " (the first " + MEMBER_SEARCH_LIMIT + ")" : ""}.` : "Suspended members first, then the newest."}
      </p>
      <ul className="space-y-3">
        {members.map((m) => (
          <li key={m.id} className="card space-y-2" data-testid="admin-member">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <a href={`/u/${m.handle}`} className="font-semibold underline">
                {m.name}
              </a>
              <span className="muted">@{m.handle}</span>
              <span className="text-sm muted">{m.email}</span>
              {m.role === "admin" ? <span className="rounded bg-stone-100 px-1.5 text-xs dark:bg-stone-800">admin</span> : null}
              <span className="text-xs muted">joined {fmt.date(m.createdAt)}</span>
              {m.openReports ? (
                <span className="text-xs text-orange-800 dark:text-orange-300">
                  {m.openReports} open report{m.openReports === 1 ? "" : "s"}
                </span>
              ) : null}
            </div>
            {m.suspended ? (
              <p className="text-sm text-red-800 dark:text-red-300">
                Suspended since {fmt.date(m.suspended.at)}
                {m.suspended.until ? `, until ${fmt.date(m.suspended.until)}` : ", with no end date"}
                {m.suspended.reason ? ` — “${m.suspended.reason}”` : ""}
              </p>
            ) : null}
            {m.id === admin.id ? null : m.suspended ? <UnsuspendForm member={m} unsuspendMemberAction={unsuspendMemberAction} /> : <SuspendForm member={m} today={today} suspendMemberAction={suspendMemberAction} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
