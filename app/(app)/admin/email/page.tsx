import { AdminNav } from "@/components/admin/admin-nav";
import { dateFormat } from "@/lib/server/loaders/date-format";
import { getDb } from "@/lib/server/db";
import { mailConfig } from "@/lib/server/email/config";
import { outboxOverview } from "@/lib/server/queries/email-outbox";
import { requireAdminPage } from "../require-admin-page";

export const metadata = { title: "Email" };

/** The outbox as admins see it: waiting, sent, and the dead letters that gave up after every retry. */
export default async function AdminEmailPage() {
  const fmt = await dateFormat();
  await requireAdminPage();
  const o = await outboxOverview(await getDb());
  const config = mailConfig();
  const total = Math.max(1, o.pending + o.sent + o.dead);
  const bar = [
    { label: "Sent", n: o.sent, cls: "bg-teal-700" },
    { label: "Waiting", n: o.pending, cls: "bg-amber-500" },
    { label: "Dead letters", n: o.dead, cls: "bg-red-700" },
  ];
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold">Email</h1>
      <AdminNav current="email" />
      <section className="card mb-6 space-y-3" aria-labelledby="outbox-h">
        <h2 id="outbox-h" className="text-lg font-semibold">Outbox</h2>
        <p className="text-sm muted">
          {config.kind === "smtp" ? `Sending through ${new URL(config.url).host}.` : "SMTP_URL is not set: messages are written as .eml files to the data directory's outbox/ folder."}
        </p>
        <div className="flex h-3 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" role="img" aria-label={`${o.sent} sent, ${o.pending} waiting, ${o.dead} dead letters`}>
          {bar.map((b) => (b.n ? <div key={b.label} className={b.cls} style={{ width: `${(b.n / total) * 100}%` }} /> : null))}
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {bar.map((b) => (
            <div key={b.label} className="flex items-center gap-2">
              <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${b.cls}`} />
              <dt>{b.label}</dt>
              <dd className="font-semibold" data-testid={`outbox-${b.label.toLowerCase().replace(" ", "-")}`}>{b.n}</dd>
            </div>
          ))}
        </dl>
      </section>
      <h2 className="mb-3 text-lg font-semibold">
        Dead letters <span className="font-normal muted">({o.dead})</span>
      </h2>
      {o.deadLetters.length === 0 ? (
        <p className="card muted">No message has given up. Every email so far was delivered or is still being tried.</p>
      ) : (
        <ol className="space-y-3" aria-label="Dead letters, newest first">
          {o.deadLetters.map((d) => (
            <li key={d.id} className="card space-y-1 text-sm">
              <p className="font-semibold break-words">{d.subject}</p>
              <p className="muted break-words">
                to {d.recipient} · {d.category} · {d.attempts} tries · queued {fmt.dateTime(d.createdAt)}
              </p>
              <p className="break-words text-red-700 dark:text-red-400">Last error: {d.lastError ?? "unknown"}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
