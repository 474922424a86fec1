/**
 * A path is well encoded when every `%` starts an escape and the escapes decode to valid
 * UTF-8 — exactly when decodeURIComponent accepts it. Anything else (`%zz`, a lone `%`, a
 * cut-off `%E0%A4%A`, overlong `%C0%AF`, a surrogate `%ED%A0%80`) made Next.js answer 500
 * on dynamic routes; the edge answers 400 instead (proxy.ts).
 */
export function isWellEncodedPath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

/** A path as it may appear in a log line: bounded, and with control characters escaped. */
export function pathForLog(rawPath: string, max = 120): string {
  const cut = rawPath.length > max ? `${rawPath.slice(0, max)}…(${rawPath.length} chars)` : rawPath;
  return JSON.stringify(cut);
}
