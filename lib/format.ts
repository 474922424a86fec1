/** Display formatting shared by pages. Rules count UTC days; display follows the reader's locale. */
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (d: Date | string) => dateFmt.format(new Date(d));
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
