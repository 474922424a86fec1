import type { RelationshipSort } from "@/lib/warmup/relationship-tabs";
import type { RelationshipPageTab } from "@/lib/validation/relationships";

/** What one view of /relationships is: everything it keeps in its URL. */
export type RelationshipsView = {
  tab: RelationshipPageTab;
  sort: RelationshipSort;
  q: string;
  cursor?: string;
  /** the cursors of the earlier pages, oldest first */
  back: string[];
  page: number;
};

/** The URL of a view, defaults left out (so `/relationships?tab=ready` is the ready tab's first page). */
export function relationshipsHref(v: Partial<RelationshipsView>): string {
  const sp = new URLSearchParams();
  if (v.tab && v.tab !== "all") sp.set("tab", v.tab);
  if (v.sort && v.sort !== "closest") sp.set("sort", v.sort);
  if (v.q) sp.set("q", v.q);
  if (v.cursor) {
    sp.set("cursor", v.cursor);
    for (const c of v.back ?? []) sp.append("back", c);
    if (v.page && v.page > 1) sp.set("page", String(v.page));
  }
  const s = sp.toString();
  return s ? `/relationships?${s}` : "/relationships";
}

export const TAB_LABEL: Record<RelationshipPageTab, string> = {
  all: "All",
  asked_you: "Asked you",
  ready: "Ready",
  warming: "Warming up",
  waiting: "Waiting on them",
  cooling: "Cooling down",
  connected: "Connected",
};

export const SORT_LABEL: Record<RelationshipSort, string> = {
  closest: "Closest to unlocking",
  recent: "Most recent",
};

/** What an empty tab says: what it would hold, and what to do to fill it. */
export const EMPTY: Record<RelationshipPageTab, string> = {
  all: "No relationships yet. Reply to someone's post or thank them with kudos — that is how every good connection starts.",
  asked_you: "No one is waiting for your answer. When someone who has warmed up to you asks to connect, they appear here.",
  ready: "No one is ready yet. Keep the conversations going — when you meet someone's protocol, they appear here and you can send a personal note.",
  warming: "Nobody is warming up yet. Reply to someone's post in the feed — a real conversation is the first step with anyone.",
  waiting: "You have no requests waiting. When you're warm with someone, the Connect button on their profile lets you ask.",
  cooling: "Nobody is cooling down. When a request is answered “not yet” or withdrawn, the member rests here until you may ask again.",
  connected: "No connections yet. Warm up with people first, and connect when the time is right.",
};

