import { z } from "zod";
import { ZTopic } from "@/lib/validation/topics";
import { ZPageQuery } from "./common";
import { ZRelationshipStatus } from "./evaluation";

export const SEARCH_MAX_LENGTH = 100;

/** The text of a member search; anything up to 100 characters is searched safely. */
export const ZMemberSearchText = z
  .string()
  .max(SEARCH_MAX_LENGTH, `Keep the search under ${SEARCH_MAX_LENGTH} characters.`)
  .meta({ description: "Name, handle (with or without @), headline, bio, location or topic; forgives typos. Up to 100 characters." });

/** `GET /members?q=&topic=&cursor=&limit=` */
export const ZApiMemberSearchQuery = ZPageQuery.extend({
  q: ZMemberSearchText.optional(),
  topic: ZTopic.optional().meta({ description: "Only members with this topic (lowercase, 2–32 characters)." }),
});

/** A member as search results and suggestions show them, with your relationship. */
export const ZPersonCard = z
  .object({
    handle: z.string(),
    name: z.string(),
    headline: z.string(),
    topics: z.array(z.string()),
    protocol: z.string().meta({ description: "Their protocol in one short phrase, e.g. \"2 interactions on 2 days, with a conversation\"." }),
    relationship: z.object({
      status: ZRelationshipStatus,
      percent: z.number().min(0).max(100).meta({ description: "Your warm-up progress toward them under their protocol." }),
    }),
  })
  .meta({ id: "PersonCard" });

export const ZMemberSearchPage = z
  .object({
    items: z.array(ZPersonCard),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` (with the same q and topic) for the next page; null when there is none." }),
  })
  .meta({ id: "MemberSearchPage" });

export const ZSuggestions = z
  .object({
    items: z.array(
      z.object({
        member: ZPersonCard,
        reasons: z.array(z.string()).meta({ description: "Why, in words: \"3 mutual connections\", \"replied to your post twice\"…" }),
      }),
    ),
  })
  .meta({ id: "Suggestions" });
