import { SettingsNav } from "@/components/layout/settings-nav";
import { ActionForm } from "@/components/ui/action-form";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { unblockAction } from "@/lib/server/actions/connect";
import { loadBlockedPage } from "@/lib/server/loaders/settings-blocked";

export const metadata = { title: "Blocked members" };

export default async function BlockedPage() {
  const fmt = await dateFormat();
  const { blocked } = await loadBlockedPage();
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav current="blocked" />
      <section className="card" aria-labelledby="blocked-title">
        <h2 id="blocked-title" className="text-lg font-semibold">
          Members you blocked
        </h2>
        <p className="mt-1 text-sm muted">
          They can&rsquo;t see your profile, interact with you or ask to connect, and they are not told. Unblocking lets them find you again; what
          the block ended (requests, a connection) stays ended.
        </p>
        {blocked.length === 0 ? (
          <p className="mt-4 text-sm muted">You haven&rsquo;t blocked anyone.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 dark:divide-stone-800">
            {blocked.map((b) => (
              <li key={b.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="font-medium">
                    <a href={`/u/${b.handle}`} className="hover:underline">
                      {b.name}
                    </a>{" "}
                    <span className="muted">@{b.handle}</span>
                  </p>
                  {b.headline ? <p className="text-sm">{b.headline}</p> : null}
                  <p className="text-xs muted">
                    Blocked <time dateTime={b.blockedAt.toISOString()}>{fmt.date(b.blockedAt)}</time>
                  </p>
                </div>
                <ActionForm action={unblockAction} fields={{ handle: b.handle }} label={`Unblock @${b.handle}`} pendingText="Unblocking…" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
