import "server-only";
import { fieldError } from "@/lib/server/errors";

/**
 * Offset cursors, for lists whose query hands back a bounded, ordered array rather than a
 * keyset cursor. Opaque to clients like every cursor: `?cursor=` is always "the nextCursor
 * you were given".
 */
const PREFIX = "o1:";

export function encodeOffset(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString("base64url");
}

export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw badCursor();
  return n;
}

const KEYSET_PREFIX = "k1:";

/**
 * Keyset cursors, for lists ordered by an instant then an id that have no row id of their
 * own to page by (e.g. blocks): the place is the last item's (instant, id), so rows removed
 * between two pages shift nothing.
 */
export function encodeKeyset(at: Date, id: string): string {
  return Buffer.from(`${KEYSET_PREFIX}${at.getTime()}:${id}`).toString("base64url");
}

export function decodeKeyset(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const m = /^k1:(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw badCursor();
  return { at: new Date(Number(m[1])), id: m[2] };
}

export const badCursor = () => fieldError("cursor", "That cursor is not valid — pass back the nextCursor of the previous page.");

/** One page of an in-memory list, and the cursor of the next when there is more. */
export function slicePage<T>(all: readonly T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  const items = all.slice(offset, offset + limit);
  return { items, nextCursor: offset + limit < all.length ? encodeOffset(offset + limit) : null };
}
