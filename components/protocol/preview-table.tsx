import Link from "next/link";
import type { PreviewRow } from "@/lib/server/queries/protocol-preview";
import { StatusPill } from "@/components/relationship/status-pill";

/** Each contact's status now and under the draft rules, with a small bar for each. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0) {
    return <p className="text-sm muted">Nobody is warming up to you yet, so there is no one to preview. When people interact with you, they appear here.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Contacts under your current and draft rules</caption>
        <thead className="text-xs uppercase muted">
          <tr>
            <th scope="col" className="py-2 pr-3">Member</th>
            <th scope="col" className="py-2 pr-3">Now</th>
            <th scope="col" className="py-2">With these rules</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const changed = r.statusNow !== r.statusDraft;
            return (
              <tr key={r.memberId} className="border-t border-stone-200 dark:border-stone-800">
                <td className="py-2 pr-3">
                  <Link href={`/u/${r.handle}`} className="font-medium">{r.name}</Link>
                  {r.reason === "pending_request" ? <span className="ml-2 text-xs muted">asked you to connect</span> : null}
                </td>
                <td className="py-2 pr-3"><Cell status={r.statusNow} percent={r.percentNow} /></td>
                <td className={`py-2 ${changed ? "font-medium" : ""}`}>
                  <Cell status={r.statusDraft} percent={r.percentDraft} />
                  {changed ? <span className="sr-only"> (changed)</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ status, percent }: { status: PreviewRow["statusNow"]; percent: number }) {
  return (
    <div className="flex items-center gap-2">
      <StatusPill status={status} />
      <span className="h-1.5 w-16 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800" aria-hidden>
        <span className="block h-full bg-amber-500" style={{ width: `${percent}%` }} />
      </span>
      <span className="text-xs tabular-nums muted">{percent}%</span>
    </div>
  );
}
