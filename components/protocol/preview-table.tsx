import Link from "next/link";
import type { PreviewRow } from "@/lib/server/queries/protocol-preview";
import { StatusPill } from "@/components/relationship/status-pill";
import { WarmthProgress } from "@/components/relationship/warmth-progress";

const NOW = "Now";
const DRAFT = "With these rules";

/**
 * Each contact's status now and under the draft rules, with a small bar for each (coloured
 * by status, as everywhere else). On a phone each contact is a compact block — name, then
 * "Now" and "With these rules" side by side as a labelled list — so nothing scrolls sideways;
 * from `sm` up it is a table with column headers. Only one of the two is displayed (and so
 * in the accessibility tree) at a time.
 */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  if (rows.length === 0) {
    return <p className="text-sm muted">Nobody is warming up to you yet, so there is no one to preview. When people interact with you, they appear here.</p>;
  }
  return (
    <>
      <ul className="text-sm sm:hidden" aria-label="Contacts under your current and draft rules" data-testid="preview-list">
        {rows.map((r) => (
          <li key={r.memberId} className="space-y-2 border-t border-stone-200 py-3 first:border-t-0 first:pt-0 dark:border-stone-800">
            <div className="flex min-w-0 items-baseline gap-2">
              <Link href={`/u/${r.handle}`} className="truncate font-medium">{r.name}</Link>
              <Reason row={r} />
            </div>
            <dl className="grid grid-cols-2 gap-3">
              <div className="min-w-0 space-y-1">
                <dt className="text-xs uppercase muted">{NOW}</dt>
                <dd><Cell row={r} which="now" /></dd>
              </div>
              <div className="min-w-0 space-y-1">
                <dt className="text-xs uppercase muted">{DRAFT}</dt>
                <dd><Cell row={r} which="draft" /></dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <table className="hidden w-full text-left text-sm sm:table" data-testid="preview-table">
        <caption className="sr-only">Contacts under your current and draft rules</caption>
        <thead className="text-xs uppercase muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Member</th>
            <th scope="col" className="py-2 pr-3 font-medium">{NOW}</th>
            <th scope="col" className="py-2 font-medium">{DRAFT}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.memberId} className="border-t border-stone-200 align-top dark:border-stone-800">
              <th scope="row" className="break-words py-2 pr-3 font-normal">
                <Link href={`/u/${r.handle}`} className="font-medium">{r.name}</Link>
                <Reason row={r} block />
              </th>
              <td className="py-2 pr-3"><Cell row={r} which="now" /></td>
              <td className="py-2"><Cell row={r} which="draft" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Reason({ row, block = false }: { row: PreviewRow; block?: boolean }) {
  if (row.reason !== "pending_request") return null;
  return <span className={`text-xs muted ${block ? "block" : "shrink-0 whitespace-nowrap"}`}>asked you to connect</span>;
}

/** A status pill over its bar; the draft one says, in words, when it differs from now. */
function Cell({ row, which }: { row: PreviewRow; which: "now" | "draft" }) {
  const status = which === "now" ? row.statusNow : row.statusDraft;
  const percent = which === "now" ? row.percentNow : row.percentDraft;
  const changed = which === "draft" && row.statusDraft !== row.statusNow;
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        <StatusPill status={status} />
        {changed ? <span className="text-xs font-medium">changed</span> : null}
      </div>
      <div className="w-28 max-w-full">
        <WarmthProgress percent={percent} status={status} label={`${row.name}'s warm-up ${which === "now" ? "now" : "with these rules"}`} size="sm" />
      </div>
    </div>
  );
}
