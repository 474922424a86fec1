import Link from "next/link";
import { formatDate } from "@/lib/format";
import type { FormAction } from "@/lib/server/action-result";
import type { Relationship } from "@/lib/server/queries/relationship";
import { ConnectButton } from "./connect-button";
import { CheckIcon, ClockIcon, LockIcon } from "./icons";

type Props = { relationship: Relationship; handle: string; firstName: string };

/** Why the Connect button is locked, in plain words; null when it is not. */
export function lockReason({ relationship: r, firstName }: Omit<Props, "handle">): string | null {
  const e = r.evaluation;
  const step = e.nextSteps[0];
  switch (e.status) {
    case "cold":
      return `Not warmed up yet: ${step ?? `interact with ${firstName} first.`}`;
    case "warming":
      return `Warming up: ${step ?? "keep going."}`;
    case "cooldown": {
      const until = e.cooldownUntil ? formatDate(e.cooldownUntil) : null;
      const said = r.lastDecline?.reason === "not_yet" ? `${firstName} said “not yet”. ` : r.lastDecline?.reason === "no" ? `${firstName} declined. ` : "";
      return `${said}You can ask again after ${until ?? "a while"}.`;
    }
    case "closed":
      return `${firstName} isn't accepting connection requests.`;
    case "too_new":
      return step ?? "Your account is too new to ask yet.";
    case "warm":
      if (r.budget.weeklyFreesAt) {
        return `You've sent ${r.budget.weeklyLimit} requests this week, the most allowed. You can send another from ${formatDate(r.budget.weeklyFreesAt)}.`;
      }
      if (r.budget.pendingFreesAt) {
        return `You have ${r.budget.pendingCap} requests waiting for answers, the most allowed. Withdraw one, or wait until ${formatDate(r.budget.pendingFreesAt)}.`;
      }
      return null;
    default:
      return null;
  }
}

/** The Connect button tells the truth: locked with the reason, the request's status, or the note form. */
export function ConnectControl({ relationship: r, handle, firstName, sendRequestAction }: Props & { sendRequestAction: FormAction }) {
  const e = r.evaluation;
  if (e.status === "connected") {
    return (
      <p className="flex items-center gap-2 rounded-lg bg-connected-soft px-3 py-2 text-sm font-medium text-green-900 dark:bg-green-950 dark:text-green-100">
        <CheckIcon />
        Connected{r.connectedSince ? ` since ${formatDate(r.connectedSince)}` : ""}
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
          Requested · {formatDate(r.pending.createdAt)}
        </p>
        <p className="text-xs muted">
          Waiting for {firstName}&rsquo;s answer. It expires on {formatDate(r.pending.expiresAt)} if unanswered.{" "}
          <Link href="/requests?tab=outgoing" className="underline">Manage or withdraw</Link>
        </p>
      </div>
    );
  }
  const reason = lockReason({ relationship: r, firstName });
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
