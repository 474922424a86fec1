/**
 * A member's date preferences: the IANA time zone dates are shown in, and the locale whose
 * date format they read. Pure (no I/O): shared by the validation, the settings form, the
 * sign-up script and the request-scoped loader. The rules never use these — they count UTC days.
 */

/** The date formats offered in settings; null means "the browser's" (Accept-Language). */
export const DATE_LOCALES = [
  { tag: "en-US", label: "English (US) — Dec 9, 2026", example: "Dec 9, 2026" },
  { tag: "en-GB", label: "English (UK) — 9 Dec 2026", example: "9 Dec 2026" },
  { tag: "de-DE", label: "Deutsch — 09.12.2026", example: "09.12.2026" },
  { tag: "fr-FR", label: "Français — 9 déc. 2026", example: "9 déc. 2026" },
  { tag: "es-ES", label: "Español — 9 dic 2026", example: "9 dic 2026" },
  { tag: "pt-BR", label: "Português (Brasil) — 9 de dez. de 2026", example: "9 de dez. de 2026" },
] as const;
export type DateLocale = (typeof DATE_LOCALES)[number]["tag"];
const TAGS: readonly string[] = DATE_LOCALES.map((l) => l.tag);

export const DEFAULT_TIME_ZONE = "UTC";
export const DEFAULT_LOCALE: DateLocale = "en-US";

export type DatePrefs = { timeZone: string; locale: string };

export const isDateLocale = (v: unknown): v is DateLocale => typeof v === "string" && TAGS.includes(v);

/**
 * The canonical IANA name of a time zone ("asia/calcutta" → "Asia/Calcutta", "Etc/UTC" → "UTC"),
 * or null when Intl does not know it. Offsets such as "+05:00" are refused: a zone has rules
 * (summer time), an offset does not.
 */
export function canonicalTimeZone(v: unknown): string | null {
  if (typeof v !== "string" || v.length === 0 || v.length > 64 || /^[+-]\d/.test(v)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: v }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Every zone offered in settings: UTC first, then Intl's list. */
export function timeZoneChoices(): string[] {
  return [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone").filter((z) => z !== DEFAULT_TIME_ZONE)];
}

/**
 * The offered locale closest to what a browser asks for ("de-AT,de;q=0.9,en;q=0.8" → "de-DE"):
 * an exact tag first, then the first language we have in any region; en-US when none.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): DateLocale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((w) => w.tag && w.tag !== "*" && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const exact = DATE_LOCALES.find((l) => l.tag.toLowerCase() === w.tag);
    if (exact) return exact.tag;
    const lang = w.tag.split("-")[0];
    const same = DATE_LOCALES.find((l) => l.tag.toLowerCase().startsWith(lang + "-"));
    if (same) return same.tag;
  }
  return DEFAULT_LOCALE;
}

/**
 * The preferences in force: the member's stored ones (null when signed out), the browser's
 * language standing in for "browser default" and for signed-out readers, UTC for the latter.
 */
export function resolveDatePrefs(stored: { timeZone: string; dateLocale: string | null } | null, acceptLanguage: string | null | undefined): DatePrefs {
  return {
    timeZone: canonicalTimeZone(stored?.timeZone) ?? DEFAULT_TIME_ZONE,
    locale: isDateLocale(stored?.dateLocale) ? stored.dateLocale : negotiateLocale(acceptLanguage),
  };
}
