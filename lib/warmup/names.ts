/**
 * The form of a member's name used in sentences: the first word of the display name
 * ("Grace" for "Grace Kim"), or the whole trimmed name when it has one word. One form
 * everywhere a sentence names the other member.
 */
export function firstNameOf(name: string | null | undefined): string {
  const trimmed = (name ?? "").trim();
  if (!trimmed) return "";
  // The first run of non-space characters, without a regex split (once per evaluation).
  for (let i = 0; i < trimmed.length; i++) if (isSpace(trimmed.charCodeAt(i))) return trimmed.slice(0, i);
  return trimmed;
}

/** What `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
