/** HTML-escapes a value interpolated into an email's HTML body. Pure. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** CR, LF and other control characters would let a name or subject add mail headers. */
const HEADER_UNSAFE = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** Throws when `value` would inject a header; otherwise returns it. */
export function headerSafe(value: string, what: string): string {
  if (HEADER_UNSAFE.test(value)) throw new Error(`Refused an email ${what} containing a line break or control character.`);
  return value;
}
