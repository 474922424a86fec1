/**
 * The form of a member's name used in sentences: the first word of the display name
 * ("Grace" for "Grace Kim"), or the whole trimmed name when it has one word. One form
 * everywhere a sentence names the other member.
 */
export function firstNameOf(name: string | null | undefined): string {
  const trimmed = (name ?? "").trim();
  if (!trimmed) return "";
  return trimmed.split(/\s+/)[0];
}
