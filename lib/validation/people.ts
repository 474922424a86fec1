import { z } from "zod";
import { findNul } from "@/lib/security/nul";
import { ZPageQuery } from "./api/common";
import { ZMemberSearchText } from "./api/people";
import { ZTopic } from "./topics";

/** Results per page of /people (and the API's default). */
export const PEOPLE_PAGE_SIZE = 20;

const last = (v: unknown) => (Array.isArray(v) ? v.at(-1) : v);
const noNul = (s: string) => findNul(s) === null;

/**
 * /people's search params (`?q=&topic=&cursor=`), from the same fields as `GET /api/v1/members`.
 * The page forgives what the API refuses: an unreadable topic or cursor is dropped; a search
 * over 100 characters is kept (to show it back) and flagged `tooLong` instead of searched.
 */
export const ZPeoplePageQuery = z
  .object({
    q: z.preprocess(last, z.string().refine(noNul)).catch(""),
    topic: z.preprocess(last, ZTopic.optional()).catch(undefined),
    cursor: z.preprocess(last, ZPageQuery.shape.cursor.unwrap().refine(noNul).optional()).catch(undefined),
  })
  .transform((v) => ({ ...v, q: v.q.trim(), tooLong: !ZMemberSearchText.safeParse(v.q).success }));
export type TPeoplePageQuery = z.output<typeof ZPeoplePageQuery>;

/** A link to /people keeping what is given. */
export function peopleHref(p: { q?: string; topic?: string; cursor?: string }): string {
  const sp = new URLSearchParams();
  if (p.q) sp.set("q", p.q);
  if (p.topic) sp.set("topic", p.topic);
  if (p.cursor) sp.set("cursor", p.cursor);
  const s = sp.toString();
  return s ? `/people?${s}` : "/people";
}
