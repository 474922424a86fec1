"use client";
import { useCallback, useState } from "react";
import type { FormAction } from "@/lib/server/action-result";
import { CommentForm } from "./comment-form";

/**
 * "Reply" opens a reply form in place. Without JavaScript it is a link to the post page with
 * that reply form already open (?reply=<comment>), so replying works either way.
 */
export function ReplyToggle({
  postId,
  parentId,
  toName,
  href,
  initiallyOpen = false,
  createCommentAction,
}: {
  postId: string;
  parentId: string;
  toName: string;
  href: string;
  initiallyOpen?: boolean;
  createCommentAction: FormAction;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const close = useCallback(() => setOpen(false), []);
  if (!open) {
    return (
      <a
        href={href}
        role="button"
        className="rounded px-1.5 py-0.5 text-xs font-medium text-stone-600 no-underline hover:bg-stone-100 hover:text-stone-900 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-white"
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === " ") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Reply
      </a>
    );
  }
  return (
    <div className="mt-2 w-full">
      <CommentForm
        createCommentAction={createCommentAction}
        postId={postId}
        parentId={parentId}
        label={`Reply to ${toName}`}
        submitLabel="Reply"
        placeholder={`Reply to ${toName}…`}
        autoFocus
        onCancel={close}
        onDone={close}
      />
    </div>
  );
}
