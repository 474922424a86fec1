import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { daysAgoWords, elapsedWords, epochDay, makeDateFormat } from "@/lib/dates/format";
import { canonicalTimeZone, negotiateLocale, resolveDatePrefs } from "@/lib/dates/prefs";

const DAY = 864e5;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("a logged interaction's date reads in calendar days", () => {
  it.each<[string, string, string]>([
    ["dated 7 days ago, read just after midnight", "2026-06-03", "2026-06-10T00:00:01Z"],
    ["dated 7 days ago, read at noon (its nominal time)", "2026-06-03", "2026-06-10T12:00:00Z"],
    ["dated 7 days ago, read just before midnight", "2026-06-03", "2026-06-10T23:59:59Z"],
  ])("%s: 7 days ago", (_label, day, now) => {
    expect(makeDateFormat({ timeZone: "Pacific/Auckland", locale: "en-US" }, new Date(now)).relativeDay(day)).toBe("7 days ago");
  });

  it.each<[number, string]>([
    [0, "today"],
    [1, "yesterday"],
    [2, "2 days ago"],
    [7, "7 days ago"],
    [13, "13 days ago"],
    [14, "2 weeks ago"],
    [59, "8 weeks ago"],
    [60, "2 months ago"],
    [400, "1 year ago"],
    [-1, "tomorrow"],
    [-3, "in 3 days"],
  ])("%i days → %s", (days, words) => {
    expect(daysAgoWords(days)).toBe(words);
  });

  it("says k days ago for a date k days back, whatever the hour it is read at", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20000, max: 30000 }), fc.integer({ min: 0, max: DAY - 1 }), fc.integer({ min: 0, max: 13 }), (today, ms, k) => {
        const now = new Date(today * DAY + ms);
        const fmt = makeDateFormat({ timeZone: "UTC", locale: "en-GB" }, now);
        expect(fmt.relativeDay(iso((today - k) * DAY))).toBe(daysAgoWords(k));
      }),
    );
  });

  it("shows the calendar date itself, never shifted by the reader's zone", () => {
    for (const timeZone of ["Pacific/Auckland", "America/Los_Angeles", "UTC"]) {
      expect(makeDateFormat({ timeZone, locale: "en-US" }, new Date()).day("2026-12-09")).toBe("Dec 9, 2026");
    }
  });
});

describe("instants are shown in the reader's zone and format", () => {
  // 23:30 UTC on 8 Dec is already 9 Dec in Auckland (UTC+13 in summer).
  const nearMidnight = new Date("2026-12-08T23:30:00Z");
  it.each<[string, string, string, string]>([
    ["UTC", "en-US", "Dec 8, 2026", "Dec 8, 2026, 11:30 PM UTC"],
    ["Pacific/Auckland", "en-US", "Dec 9, 2026", "Dec 9, 2026, 12:30 PM GMT+13"],
    ["Pacific/Auckland", "en-GB", "9 Dec 2026", "9 Dec 2026, 12:30 GMT+13"],
    ["America/Los_Angeles", "de-DE", "08.12.2026", "8. Dez. 2026, 15:30 GMT-8"],
  ])("%s, %s", (timeZone, locale, date, dateTime) => {
    const fmt = makeDateFormat({ timeZone, locale }, nearMidnight);
    expect(fmt.date(nearMidnight)).toBe(date);
    expect(fmt.dateTime(nearMidnight)).toBe(dateTime);
  });

  it("numbers calendar dates one apart", () => {
    expect(epochDay("2026-12-09") - epochDay("2026-12-08")).toBe(1);
  });

  it("gives the same answers from a second format with the same preferences (formatters are shared)", () => {
    const a = makeDateFormat({ timeZone: "Pacific/Auckland", locale: "en-GB" }, nearMidnight);
    const b = makeDateFormat({ timeZone: "Pacific/Auckland", locale: "en-GB" }, nearMidnight);
    const c = makeDateFormat({ timeZone: "UTC", locale: "en-GB" }, nearMidnight);
    expect(b.dateTime(nearMidnight)).toBe(a.dateTime(nearMidnight));
    expect(c.date(nearMidnight)).toBe("8 Dec 2026");
    expect(b.date(nearMidnight)).toBe("9 Dec 2026");
  });

  it.each<[number, string]>([
    [30_000, "just now"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 36e5, "3 hours ago"],
    [DAY, "1 day ago"],
    [-2 * DAY, "in 2 days"],
  ])("elapsed %i ms → %s", (ms, words) => {
    const now = new Date("2026-06-10T12:00:00Z");
    expect(elapsedWords(new Date(now.getTime() - ms), now)).toBe(words);
  });
});

describe("preferences", () => {
  it.each<[unknown, string | null]>([
    ["Pacific/Auckland", "Pacific/Auckland"],
    ["pacific/auckland", "Pacific/Auckland"],
    ["Etc/UTC", "UTC"],
    ["UTC", "UTC"],
    ["+05:00", null],
    ["Mars/Olympus_Mons", null],
    ["", null],
    [42, null],
    [undefined, null],
  ])("time zone %j → %j", (v, zone) => {
    expect(canonicalTimeZone(v)).toBe(zone);
  });

  it.each<[string | null, string]>([
    [null, "en-US"],
    ["", "en-US"],
    ["*", "en-US"],
    ["en-GB,en;q=0.9", "en-GB"],
    ["de-AT,de;q=0.9,en;q=0.8", "de-DE"],
    ["ja,fr;q=0.5", "fr-FR"],
    ["en;q=0.5,pt-BR", "pt-BR"],
    ["es-MX", "es-ES"],
    ["fr-CA;q=0", "en-US"],
  ])("Accept-Language %j → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("uses the member's choice, the browser's language for 'browser default', and UTC when signed out", () => {
    expect(resolveDatePrefs({ timeZone: "Asia/Tokyo", dateLocale: "fr-FR" }, "de")).toEqual({ timeZone: "Asia/Tokyo", locale: "fr-FR" });
    expect(resolveDatePrefs({ timeZone: "Asia/Tokyo", dateLocale: null }, "de")).toEqual({ timeZone: "Asia/Tokyo", locale: "de-DE" });
    expect(resolveDatePrefs({ timeZone: "Bad/Zone", dateLocale: "xx" }, null)).toEqual({ timeZone: "UTC", locale: "en-US" });
    expect(resolveDatePrefs(null, "en-GB")).toEqual({ timeZone: "UTC", locale: "en-GB" });
  });
});

describe("the offered formats", () => {
  it("show each locale's own format in their label and example", async () => {
    const { DATE_LOCALES } = await import("@/lib/dates/prefs");
    for (const l of DATE_LOCALES) {
      const shown = makeDateFormat({ timeZone: "UTC", locale: l.tag }, new Date()).day("2026-12-09");
      expect(l.example).toBe(shown);
      expect(l.label.endsWith(shown)).toBe(true);
    }
  });
});
