import type { RelationshipStatus } from "./types";

/**
 * How a member's relationships are grouped on /relationships and the dashboard: each tab is
 * a set of statuses (from the member's side, as requester). Statuses in no tab are not
 * listed: self, blocked (never hinted at), closed (nothing to do), cold (nothing counted yet).
 */
export const RELATIONSHIP_TABS = {
  asked_you: ["incoming"],
  ready: ["warm"],
  warming: ["warming", "too_new"],
  waiting: ["requested"],
  cooling: ["cooldown"],
  connected: ["connected"],
} as const satisfies Record<string, readonly RelationshipStatus[]>;

export type RelationshipTab = keyof typeof RELATIONSHIP_TABS;
export const RELATIONSHIP_TAB_KEYS = Object.keys(RELATIONSHIP_TABS) as RelationshipTab[];

/** Every status some tab lists. */
export const LISTED_STATUSES: readonly RelationshipStatus[] = Object.values(RELATIONSHIP_TABS).flat();

/** The tab a status is listed under, or null when it is not listed. */
export function tabOf(status: RelationshipStatus): RelationshipTab | null {
  for (const tab of RELATIONSHIP_TAB_KEYS) {
    if ((RELATIONSHIP_TABS[tab] as readonly RelationshipStatus[]).includes(status)) return tab;
  }
  return null;
}

/**
 * "closest" puts what the member can act on first: tabs in the order above (someone who asked
 * you, ready to ask, warming up, then those waiting on the other side, cooling down and already
 * connected), and within a tab the highest percent first. A connected pair's 100% must not sit
 * above a pair that is one comment from unlocking.
 */
export function closestRank(status: RelationshipStatus): number {
  const tab = tabOf(status);
  return tab === null ? RELATIONSHIP_TAB_KEYS.length : RELATIONSHIP_TAB_KEYS.indexOf(tab);
}

/** closest: what can be acted on first (closestRank), then percent, then name; recent: latest interaction first. */
export const RELATIONSHIP_SORTS = ["closest", "recent"] as const;
export type RelationshipSort = (typeof RELATIONSHIP_SORTS)[number];
