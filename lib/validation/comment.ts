import { z } from "zod";
import { ZId } from "./post";

export const COMMENT_MAX = 1000;

/**
 * `POST /api/v1/posts/{id}/comments` and the comment/reply forms. `parentId` makes it a
 * reply; a reply to a reply joins the same thread (one level of threading).
 */
export const ZCommentCreate = z.strictObject({
  postId: ZId("post"),
  parentId: ZId("comment to reply to").optional().nullable(),
  body: z
    .string({ error: "Write your comment." })
    .trim()
    .min(1, "Write your comment.")
    .max(COMMENT_MAX, `Keep your comment under ${COMMENT_MAX.toLocaleString("en")} characters.`),
});
export type TCommentCreateInput = z.input<typeof ZCommentCreate>;
