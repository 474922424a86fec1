import { z } from "zod";
import { canonicalTimeZone, DATE_LOCALES, isDateLocale } from "@/lib/dates/prefs";

const LOCALE_TAGS = DATE_LOCALES.map((l) => l.tag) as [string, ...string[]];

/** A time zone as chosen in settings or sent to PATCH /me: an IANA name Intl knows, stored canonical. */
export const ZTimeZone = z
  .string({ error: "Choose a time zone, e.g. Europe/Berlin." })
  .trim()
  .max(64, "Choose a time zone from the list, e.g. Europe/Berlin.")
  .transform((v, ctx) => {
    const zone = canonicalTimeZone(v);
    if (zone === null) {
      ctx.addIssue({ code: "custom", message: `“${v.slice(0, 64)}” is not a time zone we know — choose one from the list, e.g. Europe/Berlin or UTC.` });
      return z.NEVER;
    }
    return zone;
  })
  .meta({ description: "IANA time zone every date is shown to you in, e.g. \"Pacific/Auckland\". The rules still count UTC days.", example: "Europe/Berlin" });

/** A date format as chosen in settings: one of the offered locales, or "" / null for the browser's. */
export const ZDateLocale = z
  .preprocess(
    (v) => (v === "" ? null : v),
    z.enum(LOCALE_TAGS, { error: `Choose a date format: ${LOCALE_TAGS.join(", ")}, or empty for your browser's.` }).nullable(),
  )
  .meta({ description: "Locale of the date format you read (en-US, en-GB, de-DE, fr-FR, es-ES, pt-BR); null: your browser's language." });

/**
 * What a browser said at sign-up (a hidden field filled by a script): never an error, since the
 * person never typed it — an unknown zone or language is simply dropped (UTC / browser default).
 */
export const ZBrowserTimeZone = z
  .preprocess((v) => canonicalTimeZone(v) ?? undefined, z.string().optional())
  .meta({ description: "Your browser's IANA time zone; an unknown one is ignored and UTC is used." });
export const ZBrowserDateLocale = z
  .preprocess((v) => (isDateLocale(v) ? v : undefined), z.enum(LOCALE_TAGS).optional())
  .meta({ description: "Your browser's language (navigator.language); one that is not offered is ignored and your browser's language decides." });
