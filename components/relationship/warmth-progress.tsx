import type { RelationshipStatus } from "@/lib/warmup/types";
import { barColour } from "./warmth";

/**
 * One overall bar with its percent, readable at a glance and by a screen reader. A
 * progressbar's range is 0–100 unless it says otherwise, so only the value is written; the
 * classes are component classes (app/globals.css: `meter-*`), since lists show one bar per
 * relationship and every attribute travels twice, in the HTML and in the RSC payload.
 */
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
    <div className={size === "sm" ? "meter-sm" : "meter-md"}>
      <div role="progressbar" aria-label={label} aria-valuenow={value}>
        <div className={barColour(status, value)} style={{ width: `${value}%` }} />
      </div>
      <span aria-hidden>{value}%</span>
    </div>
  );
}
