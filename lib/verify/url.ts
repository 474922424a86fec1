/** A link as members type it: the parsed URL, or null when it does not parse. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** An https link on one of these hosts (URL host names are lowercase), or null. */
export function httpsOn(raw: string, hosts: readonly string[]): URL | null {
  const u = parseUrl(raw);
  return u && u.protocol === "https:" && hosts.includes(u.hostname) ? u : null;
}
