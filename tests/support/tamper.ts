/**
 * A token with one character changed, always to a different one of the same
 * alphabet. Replacing a character with a fixed letter is a no-op when the
 * token already has that letter there (1 run in 64 for base64url), and a
 * "tampered" token that is the real one makes a rejection test flaky.
 */
export function tampered(token: string, at: "first" | "last" = "first"): string {
  const i = at === "first" ? 0 : token.length - 1;
  const swap = token[i] === "A" ? "B" : "A";
  return token.slice(0, i) + swap + token.slice(i + 1);
}
