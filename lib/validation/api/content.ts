import { z } from "zod";
import { REACTION_TYPES, ZReactionType } from "@/lib/validation/reaction";
import { ZCommentCreate } from "@/lib/validation/comment";
import { ZPostBody } from "@/lib/validation/post";
import { KUDOS_MAX } from "@/lib/validation/kudos";
import { ZInstant, ZPageQuery } from "./common";
import { ZMemberSummary } from "./member";

// ---- request bodies that take their subject from the path ------------------------------

/** `POST /posts/{id}/comments`: the post comes from the path. */
export const ZApiCommentCreate = z.strictObject({ body: ZCommentCreate.shape.body, parentId: ZCommentCreate.shape.parentId });

/** `PUT /posts/{id}/reaction` and `PUT /comments/{id}/reaction`. */
export const ZApiReactionSet = z.strictObject({ type: ZReactionType });

/** `POST /posts/{id}/shares`: your own words to go with the share. */
export const ZApiShareCreate = z.strictObject({
  comment: ZPostBody.meta({ description: "Your own words to go with the share (required, 1–2,000 characters)." }),
});

/** `POST /members/{handle}/kudos`: the recipient comes from the path. */
export const ZApiKudosCreate = z.strictObject({
  body: z
    .string({ error: "Write a few words of thanks." })
    .trim()
    .min(1, "Write a few words of thanks.")
    .max(KUDOS_MAX, `Keep your kudos under ${KUDOS_MAX} characters.`),
});

/** `GET /posts?author=&cursor=&limit=` */
export const ZApiPostsQuery = ZPageQuery.extend({
  author: z
    .string()
    .trim()
    .transform((v) => v.replace(/^@/, "").toLowerCase())
    .optional()
    .meta({ description: "Only this member's posts (handle, with or without @)." }),
});

// ---- responses --------------------------------------------------------------------------

export const ZReactionSummary = z
  .object({
    counts: z.object(Object.fromEntries(REACTION_TYPES.map((t) => [t, z.number().int().nonnegative()])) as Record<(typeof REACTION_TYPES)[number], z.ZodNumber>),
    mine: ZReactionType.nullable().meta({ description: "Your reaction, if any." }),
  })
  .meta({ id: "ReactionSummary" });

const commentFields = {
  id: z.string(),
  postId: z.string(),
  parentId: z.string().nullable(),
  author: ZMemberSummary,
  body: z.string().meta({ description: "Empty when removed." }),
  createdAt: ZInstant,
  removed: z.boolean(),
  reactions: ZReactionSummary,
};
export const ZReply = z.object(commentFields).meta({ id: "Reply" });
export const ZComment = z.object({ ...commentFields, replies: z.array(ZReply) }).meta({ id: "Comment" });

export const ZSharedPost = z
  .union([
    z.object({ id: z.string(), available: z.literal(true), author: ZMemberSummary, body: z.string(), createdAt: ZInstant }),
    z.object({ id: z.string().nullable(), available: z.literal(false), reason: z.enum(["removed", "unavailable"]) }),
  ])
  .meta({ id: "SharedPost" });

export const ZPost = z
  .object({
    id: z.string(),
    author: ZMemberSummary,
    body: z.string().meta({ description: "Plain text; empty when removed." }),
    createdAt: ZInstant,
    removed: z.boolean(),
    shared: ZSharedPost.nullable().meta({ description: "For a share: the post it shares." }),
    reactions: ZReactionSummary,
    commentCount: z.number().int().nonnegative(),
    comments: z.array(ZComment).meta({ description: "The whole thread on GET /posts/{id}; empty in lists." }),
  })
  .meta({ id: "Post" });

export const ZReactionOut = z
  .object({ subject: z.enum(["post", "comment"]), id: z.string(), type: ZReactionType.nullable() })
  .meta({ id: "Reaction" });

export const ZKudos = z
  .object({ id: z.string(), author: ZMemberSummary, body: z.string(), createdAt: ZInstant })
  .meta({ id: "Kudos" });
