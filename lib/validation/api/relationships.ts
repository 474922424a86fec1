import { z } from "zod";
import { RELATIONSHIP_SORTS, RELATIONSHIP_TAB_KEYS, RELATIONSHIP_TABS } from "@/lib/warmup/relationship-tabs";
import { ZInstant, ZPageQuery } from "./common";
import { ZRelationshipStatus } from "./evaluation";
import { ZMemberSummary } from "./member";

/**
 * `GET /relationships` and the /relationships page read the same fields: a tab (the API calls
 * it `status`), a sort and a search by name. The page parses its search params with these
 * (lib/validation/relationships.ts), forgiving what the API refuses.
 */

const tabList = RELATIONSHIP_TAB_KEYS.join(", ");
const tabStatuses = RELATIONSHIP_TAB_KEYS.map((t) => `${t} (${RELATIONSHIP_TABS[t].join(", ")})`).join("; ");

/** One tab of relationships: asked_you, ready, warming, waiting, cooling, connected. */
export const ZRelationshipTab = z.enum(RELATIONSHIP_TAB_KEYS, { error: `status must be one of: ${tabList}.` });

/** closest: closest to unlocking first; recent: latest interaction first. */
export const ZRelationshipSort = z.enum(RELATIONSHIP_SORTS, { error: `sort must be one of: ${RELATIONSHIP_SORTS.join(", ")}.` });

/** A search by name or handle ("@" optional). */
export const ZRelationshipSearch = z.string().trim().max(80, "Keep the search under 80 characters.");

/** `GET /relationships?status=&sort=&q=&cursor=&limit=` */
export const ZApiRelationshipsQuery = ZPageQuery.extend({
  status: ZRelationshipTab.optional().meta({
    description: `One tab of your relationships, each a set of statuses: ${tabStatuses}. Leave out for all of them.`,
  }),
  sort: ZRelationshipSort.default("closest").meta({
    description: "closest (default): what can be acted on first (asked you, ready, warming up, then waiting, cooling down, connected), within each the highest percent, then by name; recent: latest interaction first.",
  }),
  q: ZRelationshipSearch.optional().meta({ description: "Search by name or handle (case-insensitive, a leading @ ignored)." }),
});
export type TApiRelationshipsQuery = z.output<typeof ZApiRelationshipsQuery>;

export const ZRelationship = z
  .object({
    member: ZMemberSummary.meta({ description: "The other member." }),
    status: ZRelationshipStatus,
    percent: z.number().min(0).max(100).meta({ description: "Your warm-up progress toward them under their protocol; 100 only when every criterion is met." }),
    gateMet: z.boolean().meta({ description: "True when every criterion of their protocol is met." }),
    nextStep: z.string().nullable().meta({ description: "The one most useful next step, in plain words; null when there is none." }),
    lastInteractionAt: ZInstant.nullable().meta({ description: "The latest interaction either way inside their freshness window; null if none." }),
  })
  .meta({ id: "Relationship" });

/** How many relationships each tab lists, whatever `q` is. */
export const ZRelationshipCounts = z
  .object(Object.fromEntries(RELATIONSHIP_TAB_KEYS.map((t) => [t, z.number().int().min(0)])) as Record<(typeof RELATIONSHIP_TAB_KEYS)[number], z.ZodNumber>)
  .meta({ id: "RelationshipCounts", description: "How many relationships each tab (status filter) lists, whatever q is." });

export const ZRelationshipsPage = z
  .object({
    items: z.array(ZRelationship),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` (with the same status, sort and q) to get the next page; null when there is none." }),
    counts: ZRelationshipCounts,
  })
  .meta({ id: "RelationshipsPage" });
