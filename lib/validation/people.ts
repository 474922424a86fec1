import { z } from "zod";
import { findNul } from "@/lib/security/nul";
import { ZPageQuery } from "./api/common";
import { ZMemberSearchText } from "./api/people";
import { BACK_TRAIL_MAX } from "./relationships";
import { ZTopic } from "./topics";

/** Results per page of /people (and the API's default). */
export const PEOPLE_PAGE_SIZE = 20;

const last = (v: unknown) => (Array.isArray(v) ? v.at(-1) : v);
const all = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const noNul = (s: string) => findNul(s) === null;
const ZCursor = ZPageQuery.shape.cursor.unwrap().refine(noNul);

/**
 * /people's search params (`?q=&topic=&cursor=&back=&page=`), from the same fields as
 * `GET /api/v1/members`. The page forgives what the API refuses: an unreadable topic or cursor
 * is dropped; a search over 100 characters is kept (to show it back) and flagged `tooLong`
 * instead of searched. `back` carries the earlier pages' cursors (oldest first) so "Previous"
 * is a plain link, as on /relationships.
 */
export const ZPeoplePageQuery = z
  .object({
    q: z.preprocess(last, z.string().refine(noNul)).catch(""),
    topic: z.preprocess(last, ZTopic.optional()).catch(undefined),
    cursor: z.preprocess(last, ZCursor.optional()).catch(undefined),
    /** the cursors of the pages before this one, oldest first, from the second page on */
    back: z.preprocess(all, z.array(ZCursor).max(BACK_TRAIL_MAX)).catch([]),
    /** which page this is (1 without a cursor), to know whether `back` is whole */
    page: z.preprocess(last, z.coerce.number().int().min(1).max(10_000)).catch(1),
  })
  .transform((v) => ({ ...v, q: v.q.trim(), tooLong: !ZMemberSearchText.safeParse(v.q).success }));
export type TPeoplePageQuery = z.output<typeof ZPeoplePageQuery>;

/** A link to /people keeping what is given. */
export function peopleHref(p: { q?: string; topic?: string; cursor?: string; back?: string[]; page?: number }): string {
  const sp = new URLSearchParams();
  if (p.q) sp.set("q", p.q);
  if (p.topic) sp.set("topic", p.topic);
  if (p.cursor) {
    sp.set("cursor", p.cursor);
    for (const b of p.back ?? []) sp.append("back", b);
    if (p.page && p.page > 1) sp.set("page", String(p.page));
  }
  const s = sp.toString();
  return s ? `/people?${s}` : "/people";
}
