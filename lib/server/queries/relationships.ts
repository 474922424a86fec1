import "server-only";
import type { Tx } from "@/lib/server/db";
import type { RelationshipSort, RelationshipTab } from "@/lib/warmup/relationship-tabs";
import type { RelationshipStatus } from "@/lib/warmup/types";
import type { TAppSettings } from "@/lib/validation/app-settings";

export type RelationshipMember = { id: string; handle: string; name: string; headline: string };

/** One relationship as listed: the viewer warming up to `member` (under the member's protocol). */
export type RelationshipItem = {
  member: RelationshipMember;
  status: RelationshipStatus;
  percent: number;
  gateMet: boolean;
  /** the primary next step in words, null when there is none */
  nextStep: string | null;
  /** latest interaction either way inside the member's freshness window, null if none */
  lastInteractionAt: Date | null;
};

export type RelationshipPage = {
  items: RelationshipItem[];
  /** opaque; pass back as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
  /** how many relationships each tab lists (whatever `q` is) */
  counts: Record<RelationshipTab, number>;
};

export type ListRelationshipsParams = {
  viewerId: string;
  now: Date;
  settings: TAppSettings;
  /** one tab, or every listed status when absent */
  tab?: RelationshipTab;
  sort: RelationshipSort;
  /** matches name or handle (case-insensitive, a leading "@" ignored) */
  q?: string;
  cursor?: string | null;
  /** 1..100 */
  limit: number;
};

/** Implemented by the lead (reads relationship summaries; stale ones are evaluated afresh, never written). */
export declare function listRelationships(db: Tx, p: ListRelationshipsParams): Promise<RelationshipPage>;
