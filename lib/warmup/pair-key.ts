/**
 * The key of an unordered pair of members: the two ids sorted and joined. The database's
 * unique indexes (one pending request per pair, one connection per pair, one block row per
 * pair for the lock) are built on it, so it must never change shape.
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
