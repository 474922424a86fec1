"use client";
import { useFormStatus } from "react-dom";
import { REACTION_LABELS, REACTION_TYPES, type ReactionType } from "@/lib/validation/reaction";
import type { ReactionSummary } from "@/lib/server/queries/feed";
import type { ButtonAction } from "@/lib/server/action-result";

const ICONS: Record<ReactionType, string> = { like: "👍", insightful: "💡", thanks: "🙏" };

function ReactionButton({ type, count, pressed }: { type: ReactionType; count: number; pressed: boolean }) {
  // Optimistic: while this button's form is on its way, show the press already (undo is one click).
  const { pending } = useFormStatus();
  const on = pending ? !pressed : pressed;
  const shown = pending ? Math.max(0, count + (on ? 1 : -1)) : count;
  return (
    <button
      type="submit"
      aria-pressed={on}
      // The name carries the visible count too (WCAG 2.5.3: what you see is what you can say).
      aria-label={shown > 0 ? `${REACTION_LABELS[type]} ${shown}` : REACTION_LABELS[type]}
      disabled={pending}
      className={`inline-flex items-center gap-1 rounded-full border px-2.5 py-1 text-xs font-medium transition-colors ${
        on
          ? "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950/50 dark:text-orange-100"
          : "border-stone-200 text-stone-700 hover:bg-stone-100 dark:border-stone-700 dark:text-stone-300 dark:hover:bg-stone-800"
      }`}
    >
      <span aria-hidden>{ICONS[type]}</span>{" "}
      <span aria-hidden className="hidden sm:inline">
        {REACTION_LABELS[type]}
      </span>
      {shown > 0 ? (
        <>
          {" "}
          <span aria-hidden className="tabular-nums">
            {shown}
          </span>
        </>
      ) : null}
    </button>
  );
}

function describe(summary: ReactionSummary): string {
  const parts = REACTION_TYPES.filter((t) => summary.counts[t] > 0).map((t) => `${summary.counts[t]} ${REACTION_LABELS[t].toLowerCase()}`);
  return parts.length ? `Reactions: ${parts.join(", ")}.` : "No reactions yet.";
}

/** Like / Insightful / Thanks: one per member per item; pressing yours again takes it back. */
export function ReactionBar({
  subject,
  id,
  summary,
  canReact,
  reactAction,
}: {
  subject: "post" | "comment";
  id: string;
  summary: ReactionSummary;
  canReact: boolean;
  reactAction: ButtonAction;
}) {
  if (!canReact) {
    const total = REACTION_TYPES.reduce((n, t) => n + summary.counts[t], 0);
    if (total === 0) return null;
    return (
      <p className="flex gap-2 text-xs muted">
        <span className="sr-only">{describe(summary)}</span>
        {REACTION_TYPES.filter((t) => summary.counts[t] > 0).map((t) => (
          <span key={t} aria-hidden>
            {ICONS[t]} {summary.counts[t]}
          </span>
        ))}
      </p>
    );
  }
  return (
    <div role="group" aria-label={subject === "post" ? "React to this post" : "React to this comment"} className="flex flex-wrap items-center gap-1.5">
      <span className="sr-only">{describe(summary)}</span>
      {REACTION_TYPES.map((type) => (
        <form key={type} action={reactAction}>
          <input type="hidden" name="subject" value={subject} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="type" value={type} />
          <input type="hidden" name="pressed" value={String(summary.mine === type)} />
          <ReactionButton type={type} count={summary.counts[type]} pressed={summary.mine === type} />
        </form>
      ))}
    </div>
  );
}
