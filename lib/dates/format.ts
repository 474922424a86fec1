import type { DatePrefs } from "./prefs";

/**
 * Every date a person reads, in their time zone and their locale's format. Pure: the caller
 * passes the preferences (lib/server/loaders/date-format.ts reads them once per request) and
 * "now". Relative phrases stay English, like the rest of the interface.
 */
export type DateFormat = {
  prefs: DatePrefs;
  /** the "now" relative phrases count from, unless given one */
  now: Date;
  /** An instant's date in the reader's zone: "Dec 9, 2026". */
  date(d: Date | string): string;
  /** An instant's date and time in the reader's zone, zone named: "Dec 9, 2026, 1:05 PM GMT+13". */
  dateTime(d: Date | string): string;
  /** A calendar date ("2026-12-09": an interaction's "occurred on", a UTC rule day), never shifted by a zone. */
  day(day: string): string;
  /** How long ago an instant was: "3 hours ago", "in 2 days", "just now". */
  relative(d: Date | string, now?: Date): string;
  /**
   * How many calendar days before today a calendar date is: "today", "yesterday", "7 days ago".
   * Today is the UTC date, the calendar interactions are logged and counted in.
   */
  relativeDay(day: string, now?: Date): string;
};

const DAY_MS = 864e5;

/** Epoch day of a "YYYY-MM-DD" (the first 10 characters of an ISO string also do). */
export function epochDay(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}


const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Whole calendar days as words: 0 "today", 1 "yesterday", 7 "7 days ago", 14 "2 weeks ago", -1 "tomorrow". */
export function daysAgoWords(days: number): string {
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days === -1) return "tomorrow";
  const abs = Math.abs(days);
  // Days up to two weeks read as days, so "7 days ago" is exact; then weeks, months, years.
  const s =
    abs < 14 ? plural(abs, "day") : abs < 60 ? plural(Math.floor(abs / 7), "week") : abs < 365 ? plural(Math.floor(abs / 30), "month") : plural(Math.floor(abs / 365), "year");
  return days > 0 ? `${s} ago` : `in ${s}`;
}

/** Elapsed time between two instants as words. */
export function elapsedWords(d: Date | string, now: Date): string {
  const diff = now.getTime() - new Date(d).getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [365 * DAY_MS, "year"],
    [30 * DAY_MS, "month"],
    [7 * DAY_MS, "week"],
    [DAY_MS, "day"],
    [36e5, "hour"],
    [6e4, "minute"],
  ];
  for (const [ms, name] of units) {
    if (abs >= ms) {
      const s = plural(Math.floor(abs / ms), name);
      return diff >= 0 ? `${s} ago` : `in ${s}`;
    }
  }
  return "just now";
}

// Creating an Intl.DateTimeFormat costs ~90 µs; formatting with one ~4 µs. A formatter is
// immutable and depends only on (locale, time zone), so each request with the same preferences
// shares one set. Bounded: past FORMATTERS_MAX distinct preferences, the oldest set is dropped.
type Formatters = { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; day: Intl.DateTimeFormat };
const FORMATTERS = new Map<string, Formatters>();
const FORMATTERS_MAX = 256;

function formattersFor(prefs: DatePrefs): Formatters {
  const key = `${prefs.locale}|${prefs.timeZone}`;
  const known = FORMATTERS.get(key);
  if (known) return known;
  const made: Formatters = {
    date: new Intl.DateTimeFormat(prefs.locale, { dateStyle: "medium", timeZone: prefs.timeZone }),
    dateTime: new Intl.DateTimeFormat(prefs.locale, {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
      timeZone: prefs.timeZone,
    }),
    day: new Intl.DateTimeFormat(prefs.locale, { dateStyle: "medium", timeZone: "UTC" }),
  };
  if (FORMATTERS.size >= FORMATTERS_MAX) FORMATTERS.delete(FORMATTERS.keys().next().value!);
  FORMATTERS.set(key, made);
  return made;
}

/** `now`: the instant relative phrases count from (the request's clock). */
export function makeDateFormat(prefs: DatePrefs, now: Date): DateFormat {
  const { date: dateFmt, dateTime: dateTimeFmt, day: dayFmt } = formattersFor(prefs);
  return {
    prefs,
    now,
    date: (d) => dateFmt.format(new Date(d)),
    dateTime: (d) => dateTimeFmt.format(new Date(d)),
    day: (day) => dayFmt.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)),
    relative: (d, at = now) => elapsedWords(d, at),
    relativeDay: (day, at = now) => daysAgoWords(Math.floor(at.getTime() / DAY_MS) - epochDay(day)),
  };
}
