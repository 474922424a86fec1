import type { CriterionResult } from "@/lib/warmup/types";
import { CheckIcon } from "./icons";

const MAX_SEGMENTS = 10;

/**
 * One small segmented bar per criterion: a segment per unit required (a continuous bar when
 * that would be too many to tell apart), current/required in words, a tick when met.
 */
export function CriteriaBars({ criteria, caption }: { criteria: CriterionResult[]; caption?: string }) {
  if (criteria.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label={caption ?? "Criteria"}>
      {criteria.map((c) => (
        <li key={c.key} className="text-sm">
          <div className="flex items-center justify-between gap-2">
            <span className={c.met ? "text-connected dark:text-green-400" : ""}>{c.label}</span>
            {c.met ? (
              <span className="inline-flex items-center gap-1 text-xs text-connected dark:text-green-400">
                <CheckIcon className="h-3.5 w-3.5" />
                <span className="sr-only">met</span>
              </span>
            ) : (
              <span className="sr-only">not met yet</span>
            )}
          </div>
          <Segments current={c.current} required={c.required} met={c.met} />
        </li>
      ))}
    </ul>
  );
}

function Segments({ current, required, met }: { current: number; required: number; met: boolean }) {
  const fill = met ? "bg-connected" : "bg-amber-500";
  if (required > MAX_SEGMENTS || required <= 0) {
    const pct = required <= 0 ? 100 : Math.min(100, Math.round((current / required) * 100));
    return (
      <div aria-hidden="true" className="mt-1 h-1.5 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800">
        <div className={`h-full ${fill}`} style={{ width: `${pct}%` }} />
      </div>
    );
  }
  return (
    <div aria-hidden="true" className="mt-1 flex gap-0.5">
      {Array.from({ length: required }, (_, i) => (
        <span key={i} className={`h-1.5 flex-1 rounded-sm ${i < current ? fill : "bg-stone-200 dark:bg-stone-800"}`} />
      ))}
    </div>
  );
}
