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

/** closest: closest to unlocking first (percent, then name); recent: latest interaction first. */
export const RELATIONSHIP_SORTS = ["closest", "recent"] as const;
export type RelationshipSort = (typeof RELATIONSHIP_SORTS)[number];
