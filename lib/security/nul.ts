/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string with one fails deep in the
 * driver ("invalid byte sequence", SQLSTATE 22021) and would surface as a 500. Input is
 * checked for it up front instead, so it is refused as bad input, naming the field.
 */
const NUL = "\u0000";

/**
 * The path ("note", "links.0.url", "" for the value itself) of the first string — value or
 * object key — that contains a NUL character, or null when there is none.
 */
export function findNul(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== "object" || depth > 64) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) return path || "body";
    const found = findNul(v, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** Removes NUL characters from form text (browsers never send them on purpose). */
export const stripNul = (s: string) => (s.includes(NUL) ? s.split(NUL).join("") : s);
