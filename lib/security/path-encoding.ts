/**
 * A path is well formed when every `%` starts an escape, the escapes decode to valid UTF-8 —
 * exactly when decodeURIComponent accepts it — and the result holds no NUL character, which
 * PostgreSQL text cannot store (lib/security/nul.ts; `/u/a%00` failed deep in the driver).
 * Anything else (`%zz`, a lone `%`, a cut-off `%E0%A4%A`, overlong `%C0%AF`, a surrogate
 * `%ED%A0%80`, `%00`) made Next.js or the page answer 500; the edge answers 400 (proxy.ts).
 */
export function isWellFormedPath(rawPath: string): boolean {
  try {
    return !decodeURIComponent(rawPath).includes("\u0000");
  } catch {
    return false;
  }
}

/** A path as it may appear in a log line: bounded, and with control characters escaped. */
export function pathForLog(rawPath: string, max = 120): string {
  const cut = rawPath.length > max ? `${rawPath.slice(0, max)}…(${rawPath.length} chars)` : rawPath;
  return JSON.stringify(cut);
}
