"use server";
import { submitOnce } from "@/lib/server/idempotency/submission";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionState } from "@/lib/server/action-result";
import { requireMember } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { createPost } from "@/lib/server/services/posts/create-post";
import { deletePost } from "@/lib/server/services/posts/delete-post";
import { createComment } from "@/lib/server/services/comments/create-comment";
import { deleteComment } from "@/lib/server/services/comments/delete-comment";
import { setReaction } from "@/lib/server/services/reactions/set-reaction";
import { formObject, formString } from "@/lib/validation/form-data";
import type { TReactionSetInput } from "@/lib/validation/reaction";
import type { TCommentCreateInput } from "@/lib/validation/comment";
import type { TPostCreateInput } from "@/lib/validation/post";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";

/** Feed content shows on the feed, on post pages and on profiles: refresh them all. */
function refreshFeed() {
  revalidatePath("/feed", "layout");
  revalidatePath("/u/[handle]", "page");
}

type Db = Awaited<ReturnType<typeof getDb>>;

/**
 * A button's write as the signed-in member. Expected failures (what was pressed is already
 * gone, a block…) are not worth an error page: the refreshed feed shows what is true.
 */
async function pressAsMember(write: (memberId: string, db: Db, now: Date) => Promise<unknown>): Promise<void> {
  try {
    const viewer = await requireMember();
    await write(viewer.id, await getDb(), systemNow());
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  refreshFeed();
}

export async function createPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let shared = false;
  try {
    const viewer = await requireMember();
    const input = formObject(form, ["body", "sharedPostId"]);
    if (!input.sharedPostId) delete input.sharedPostId;
    shared = Boolean(input.sharedPostId);
    const now = systemNow();
    await submitOnce(form, { caller: viewer.id, action: "post", now }, async () => {
      await createPost(await getDb(), { authorId: viewer.id, input: input as TPostCreateInput, now });
    });
  } catch (e) {
    return failure(e, form);
  }
  refreshFeed();
  // A share was composed on /feed?share=…: go back to the plain feed to see it.
  if (shared) redirect("/feed");
  return { ok: true, message: "Posted." };
}

export async function createCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const viewer = await requireMember();
    const input = formObject(form, ["postId", "parentId", "body"]);
    if (!input.parentId) delete input.parentId;
    const now = systemNow();
    await submitOnce(form, { caller: viewer.id, action: "comment", now }, async () => {
      await createComment(await getDb(), { authorId: viewer.id, input: input as TCommentCreateInput, now });
    });
  } catch (e) {
    return failure(e, form);
  }
  refreshFeed();
  return { ok: true, message: form.get("parentId") ? "Reply posted." : "Comment posted." };
}

/**
 * Reaction buttons: pressing the reaction you already gave takes it back; another one
 * replaces it. Failures (the post was just removed…) leave the page to show what is true.
 */
export async function reactAction(form: FormData): Promise<void> {
  await pressAsMember((memberId, db, now) => {
    const pressed = formString(form, "pressed") === "true";
    const input = { subject: formString(form, "subject"), id: formString(form, "id"), type: pressed ? null : formString(form, "type") } as TReactionSetInput;
    return setReaction(db, { memberId, input, now });
  });
}

/** Deleting what is already gone (another tab) is not an error worth a page: the refresh shows it. */
export async function deletePostAction(form: FormData): Promise<void> {
  await pressAsMember((authorId, db, now) => deletePost(db, { authorId, postId: formString(form, "id"), now }));
}

export async function deleteCommentAction(form: FormData): Promise<void> {
  await pressAsMember((authorId, db, now) => deleteComment(db, { authorId, commentId: formString(form, "id"), now }));
}
