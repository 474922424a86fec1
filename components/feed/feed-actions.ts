import type { ButtonAction, FormAction } from "@/lib/server/action-result";

/** The feed's server actions, handed down from the page to every post, comment and reaction button. */
export type FeedActions = {
  createCommentAction: FormAction;
  deleteCommentAction: ButtonAction;
  deletePostAction: ButtonAction;
  reactAction: ButtonAction;
};
