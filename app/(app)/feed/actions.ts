"use server";
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
import { formObject } from "@/lib/validation/form-data";
import type { TReactionSetInput } from "@/lib/validation/reaction";
import type { TCommentCreateInput } from "@/lib/validation/comment";
import type { TPostCreateInput } from "@/lib/validation/post";

/** Feed content shows on the feed, on post pages and on profiles: refresh them all. */
function refreshFeed() {
  revalidatePath("/feed", "layout");
  revalidatePath("/u/[handle]", "page");
}

const str = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

export async function createPostAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let shared = false;
  try {
    const viewer = await requireMember();
    const input = formObject(form, ["body", "sharedPostId"]);
    if (!input.sharedPostId) delete input.sharedPostId;
    shared = Boolean(input.sharedPostId);
    await createPost(viewer.id, input as TPostCreateInput);
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
    await createComment(viewer.id, input as TCommentCreateInput);
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
  try {
    const viewer = await requireMember();
    const pressed = str(form, "pressed") === "true";
    await setReaction(viewer.id, { subject: str(form, "subject"), id: str(form, "id"), type: pressed ? null : str(form, "type") } as TReactionSetInput);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  refreshFeed();
}

/** Deleting what is already gone (another tab) is not an error worth a page: the refresh shows it. */
export async function deletePostAction(form: FormData): Promise<void> {
  try {
    const viewer = await requireMember();
    await deletePost(viewer.id, str(form, "id"));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  refreshFeed();
}

export async function deleteCommentAction(form: FormData): Promise<void> {
  try {
    const viewer = await requireMember();
    await deleteComment(viewer.id, str(form, "id"));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  refreshFeed();
}
