/** Display formatting shared by pages. Rules count UTC days; display follows the reader's locale. */
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// One date format for the core's sentences and the pages alike.
export { formatDate } from "@/lib/warmup/format-date";
export const formatDateTime = (d: Date | string) => `${dateTimeFmt.format(new Date(d))} UTC`;

export function relativeTime(d: Date | string, now: Date = new Date()): string {
  const diff = now.getTime() - new Date(d).getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [365 * 864e5, "year"],
    [30 * 864e5, "month"],
    [7 * 864e5, "week"],
    [864e5, "day"],
    [36e5, "hour"],
    [6e4, "minute"],
  ];
  for (const [ms, name] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const s = `${n} ${name}${n === 1 ? "" : "s"}`;
      return diff >= 0 ? `${s} ago` : `in ${s}`;
    }
  }
  return "just now";
}
