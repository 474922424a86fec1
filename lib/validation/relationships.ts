import { z } from "zod";
import { findNul } from "@/lib/security/nul";
import { RELATIONSHIP_TAB_KEYS } from "@/lib/warmup/relationship-tabs";
import { ZPageQuery } from "./api/common";
import { ZRelationshipSearch, ZRelationshipSort } from "./api/relationships";

/** Rows per page of /relationships. */
export const RELATIONSHIPS_PAGE_SIZE = 20;

/** The page's tabs: every relationship, then one per RELATIONSHIP_TABS entry. */
export const RELATIONSHIP_PAGE_TABS = ["all", ...RELATIONSHIP_TAB_KEYS] as const;
export type RelationshipPageTab = (typeof RELATIONSHIP_PAGE_TABS)[number];

/**
 * How many earlier pages' cursors the URL remembers for "Previous". A longer trail is dropped
 * (never cut short, which would make "Previous" lead to the wrong page); the page then offers
 * "First page" instead.
 */
export const BACK_TRAIL_MAX = 10;

/** A repeated search param keeps its last value, as the API's query does. */
const last = (v: unknown) => (Array.isArray(v) ? v.at(-1) : v);
const all = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const noNul = (s: string) => findNul(s) === null;

const ZCursor = ZPageQuery.shape.cursor.unwrap().refine(noNul);

/**
 * The /relationships page's search params (`?tab=&sort=&q=&cursor=&back=`), from the same
 * fields as `GET /api/v1/relationships`. A page forgives what the API refuses: a value it
 * cannot read falls back to the default rather than an error (a hand-edited or old link
 * still opens the page).
 */
export const ZRelationshipsPageQuery = z.object({
  tab: z.preprocess(last, z.enum(RELATIONSHIP_PAGE_TABS)).catch("all"),
  sort: z.preprocess(last, ZRelationshipSort).catch("closest"),
  q: z.preprocess(last, ZRelationshipSearch.refine(noNul)).catch(""),
  cursor: z.preprocess(last, ZCursor.optional()).catch(undefined),
  /** the cursors of the pages before this one, oldest first, from the second page on */
  back: z.preprocess(all, z.array(ZCursor).max(BACK_TRAIL_MAX)).catch([]),
  /** which page this is (1 without a cursor), for "Showing 21–40" and to know whether `back` is whole */
  page: z.preprocess(last, z.coerce.number().int().min(1).max(10_000)).catch(1),
});
export type TRelationshipsPageQuery = z.output<typeof ZRelationshipsPageQuery>;
