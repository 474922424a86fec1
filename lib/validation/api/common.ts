import { z } from "zod";

/**
 * Building blocks shared by the HTTP API's request and response schemas. Pure zod (no
 * server imports), so the OpenAPI document, the route handlers and the tests read the same
 * definitions.
 */

/** Instants travel as ISO 8601 strings in UTC, e.g. "2026-03-14T09:30:00.000Z". */
export const ZInstant = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time (UTC)." });

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;

/** `?cursor=&limit=` of every list endpoint. The cursor is opaque: pass back `nextCursor`. */
export const ZPageQuery = z.strictObject({
  cursor: z
    .string()
    .trim()
    .min(1, "cursor must not be empty — leave it out for the first page.")
    .max(300, "That cursor is not valid — pass back the nextCursor of the previous page.")
    .optional()
    .meta({ description: "The `nextCursor` of the previous page; leave it out for the first page." }),
  limit: z.coerce
    .number({ error: "limit must be a number between 1 and 100." })
    .int("limit must be a whole number between 1 and 100.")
    .min(1, "limit must be between 1 and 100.")
    .max(PAGE_LIMIT_MAX, "limit must be between 1 and 100.")
    .default(PAGE_LIMIT_DEFAULT)
    .meta({ description: "Items per page, 1–100 (default 20)." }),
});

/** A page of a list: the items, and the cursor of the next page (null on the last one). */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null when there is none." }),
  });

/** Path parameter: an opaque id. Anything that is not one reads as "not found". */
export const ZPathId = z.strictObject({ id: z.string().trim().min(1).max(64) });

/** Path parameter: a member's handle, with or without "@", any case. */
export const ZPathHandle = z.strictObject({
  handle: z
    .string()
    .trim()
    .transform((v) => safeDecode(v).replace(/^@/, "").toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9_]{3,30}$/)),
});

/** A request without a body may still send `{}`; anything else in it is an unknown field. */
export const ZNoBody = z.strictObject({});

/** Path segments usually arrive decoded; a stray "%" must not turn into an exception. */
function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
