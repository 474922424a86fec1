import Link from "next/link";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { FormAction } from "@/lib/server/action-result";
import { lockReasonOf } from "@/lib/warmup/wording";
import type { Relationship } from "@/lib/server/queries/relationship";
import { ConnectButton } from "./connect-button";
import { CheckIcon, ClockIcon, LockIcon } from "./icons";

type Props = { relationship: Relationship; handle: string; firstName: string };

/** The Connect button tells the truth: locked with the reason, the request's status, or the note form. */
export async function ConnectControl({ relationship: r, handle, firstName, sendRequestAction }: Props & { sendRequestAction: FormAction }) {
  const fmt = await dateFormat();
  const e = r.evaluation;
  if (e.status === "connected") {
    return (
      <p className="flex items-center gap-2 rounded-lg bg-connected-soft px-3 py-2 text-sm font-medium text-green-900 dark:bg-green-950 dark:text-green-100">
        <CheckIcon />
        Connected{r.connectedSince ? ` since ${fmt.date(r.connectedSince)}` : ""}
      </p>
    );
  }
  if (e.status === "incoming" && r.pending) {
    return (
      <Link href={`/requests/${r.pending.id}`} className="btn-primary w-full">
        {firstName} asked you — review
      </Link>
    );
  }
  if (e.status === "requested" && r.pending) {
    return (
      <div className="space-y-1">
        <p className="flex items-center gap-2 rounded-lg bg-warm-soft px-3 py-2 text-sm font-medium text-orange-950 dark:bg-orange-950 dark:text-orange-100" data-testid="connect-requested">
          <ClockIcon />
          Requested · {fmt.date(r.pending.createdAt)}
        </p>
        <p className="text-xs muted">
          Waiting for {firstName}&rsquo;s answer. It expires on {fmt.date(r.pending.expiresAt)} if unanswered.{" "}
          <Link href="/requests?tab=outgoing" className="underline">Manage or withdraw</Link>
        </p>
      </div>
    );
  }
  const reason = lockReasonOf(r, firstName);
  if (reason !== null || e.status !== "warm") {
    return (
      <p
        aria-disabled="true"
        data-testid="connect-locked"
        className="flex cursor-not-allowed items-start gap-2 rounded-lg border border-dashed border-stone-300 bg-stone-100 px-3 py-2 text-sm text-stone-700 dark:border-stone-700 dark:bg-stone-800 dark:text-stone-300"
      >
        <LockIcon className="mt-0.5 h-4 w-4 shrink-0" />
        <span>
          <span className="font-medium">Locked</span> — {reason ?? "You can't send a request right now."}
        </span>
      </p>
    );
  }
  return <ConnectButton handle={handle} firstName={firstName} sendRequestAction={sendRequestAction} />;
}
