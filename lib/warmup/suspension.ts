/** What the core needs to know of a member's suspension. */
export type SuspensionFacts = { suspendedAt: Date | null; suspendedUntil: Date | null };

/**
 * Whether a member is suspended at `now`: suspended at some point, and either with no end
 * or with an end still in the future. The one home of this rule.
 */
export function isSuspendedAt(m: SuspensionFacts, now: Date): boolean {
  return m.suspendedAt !== null && (m.suspendedUntil === null || m.suspendedUntil.getTime() > now.getTime());
}
