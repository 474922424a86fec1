// UTC calendar arithmetic on integer day numbers (days since 1970-01-01), so the hot loop
// in evaluate() never allocates Date objects. The rules count UTC days (PRODUCT §1).

import { DAY } from "./time";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** UTC day number of an epoch-milliseconds instant. */
export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY);
}

/** Epoch ms of a Date, or NaN when it is not a valid Date. Never throws. */
export function timeOf(date: unknown): number {
  if (!(date instanceof Date)) return NaN;
  return date.getTime();
}

/** [year, month 1–12, day 1–31] for a day number (H. Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : "" + n;
}

function pad4(n: number): string {
  if (n < 0) return "-" + pad4(-n);
  return n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : "" + n;
}

// Every verdict carries its day's label, so labels are memoized: a direct-mapped table of
// 4,096 slots (about 11 years of consecutive days) indexed by the day number, cheaper than a
// Map. It only caches a pure function of its key, so evaluate() stays deterministic.
const SLOTS = 4096;
const slotDay = new Float64Array(SLOTS).fill(NaN);
const slotLabel: string[] = new Array<string>(SLOTS).fill("");

/** "YYYY-MM-DD" for a day number; "" for a non-finite one (an invalid date). */
export function dayString(day: number): string {
  if (!Number.isFinite(day)) return "";
  const slot = day & (SLOTS - 1);
  if (slotDay[slot] === day) return slotLabel[slot];
  const [y, m, d] = civil(day);
  const s = pad4(y) + "-" + pad2(m) + "-" + pad2(d);
  slotDay[slot] = day;
  slotLabel[slot] = s;
  return s;
}

/** "9 Dec 2026": a fixed, locale-free format so the same input always gives the same words. */
export function formatDay(day: number): string {
  if (!Number.isFinite(day)) return "";
  const [y, m, d] = civil(day);
  return d + " " + MONTHS[m - 1] + " " + y;
}

function pad3(n: number): string {
  return n < 10 ? "00" + n : n < 100 ? "0" + n : "" + n;
}

// One evaluation after another is usually made at the same `now` (a dashboard evaluates
// every pair at one instant): remember the last answer.
let lastIsoMs = NaN;
let lastIso = "";

/** Same string as Date#toISOString, without a Date object: this runs once per evaluation. */
export function isoString(ms: number): string {
  if (ms === lastIsoMs) return lastIso;
  const s = isoStringOf(ms);
  lastIsoMs = ms;
  lastIso = s;
  return s;
}

function isoStringOf(ms: number): string {
  const day = Math.floor(ms / DAY);
  // Years 0–9999 only; beyond that the format gets a sign and six digits, so let Date do it.
  if (!(ms >= -62167219200000 && ms < 253402300800000)) return new Date(ms).toISOString();
  let rest = ms - day * DAY;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  return dayString(day) + "T" + pad2(hour) + ":" + pad2(min) + ":" + pad2(sec) + "." + pad3(milli) + "Z";
}
