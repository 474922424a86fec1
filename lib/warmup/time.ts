// Units of time in milliseconds: the one home for them. Core and shell import these.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** `at` moved by `days` whole days (negative moves back). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY);
}
