import type { RelationshipStatus } from "@/lib/warmup/types";
import { barColour } from "./warmth";

/** One overall bar with its percent, readable at a glance and by a screen reader. */
export function WarmthProgress({
  percent,
  status,
  label,
  size = "md",
}: {
  percent: number;
  status: RelationshipStatus;
  label: string;
  size?: "sm" | "md";
}) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}%`}
        className={`flex-1 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
      >
        <div className={`h-full rounded-full ${barColour(status, value)}`} style={{ width: `${value}%` }} />
      </div>
      <span className={`tabular-nums font-medium ${size === "sm" ? "text-xs" : "text-sm"}`} aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}
