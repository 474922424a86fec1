import "server-only";

/**
 * Paging by cursor (the last id of the previous page). `cursorArgs` goes into a findMany
 * ordered by a unique tail (id): it reads one row more than the page, so `cutPage` knows
 * whether another page follows.
 */
export const cursorArgs = (take: number, cursor?: string | null) => ({ take: take + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });

/** The page itself and the cursor of the next one (null on the last page), from rows read with `cursorArgs`. */
export function cutPage<T extends { id: string }>(rows: T[], take: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, take);
  return { page, nextCursor: rows.length > take ? page.at(-1)!.id : null };
}
