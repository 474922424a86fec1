/**
 * A date in words for people, "9 Dec 2026": the day in UTC (the rules count UTC days), in
 * one fixed locale so the same instant always reads the same. Pure: no clock, no I/O.
 * lib/format.ts re-exports it for the pages.
 */
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatDate = (d: Date | string) => dateFmt.format(new Date(d));
