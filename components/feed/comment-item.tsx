import type { FeedComment } from "@/lib/server/queries/feed";
import type { FeedActions } from "./feed-actions";
import { DeleteButton } from "@/components/ui/delete-button";
import { Avatar } from "@/components/ui/avatar";
import { PostBody } from "./post-body";
import { ReactionBar } from "./reaction-bar";
import { ReplyToggle } from "./reply-toggle";
import { Byline } from "./byline";
import { ReportLink } from "@/components/reports/report-link";
import type { DateFormat } from "@/lib/dates/format";

type Viewer = { id: string } | null;

const firstName = (name: string) => name.split(" ")[0];

/** One comment (or reply) with its reactions, Reply and — for its author — Delete. */
export function CommentItem({
  comment,
  viewer,
  mentionable,
  replyTo,
  actions,
  fmt,
}: {
  comment: FeedComment;
  viewer: Viewer;
  mentionable: readonly string[];
  /** the comment whose reply form starts open (no-JavaScript reply links) */
  replyTo?: string;
  actions: FeedActions;
  /** the reader's date format (PostCard reads it once) */
  fmt: DateFormat;
}) {
  const c = comment;
  return (
    <li id={`c-${c.id}`} className="scroll-mt-20">
      <div className="flex gap-2.5">
        <Avatar name={c.author.name} seed={c.author.id} size="sm" />
        <div className="min-w-0 flex-1">
          {c.removed ? (
            <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm italic muted dark:bg-stone-800/60">This comment was removed.</p>
          ) : (
            <>
              <div className="rounded-lg bg-stone-100 px-3 py-2 dark:bg-stone-800/60">
                <Byline author={c.author} createdAt={c.createdAt} fmt={fmt} />
                <PostBody body={c.body} mentionable={mentionable} className="prose-post text-sm" />
              </div>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <ReactionBar subject="comment" id={c.id} summary={c.reactions} canReact={viewer !== null} reactAction={actions.reactAction} />
                {viewer ? (
                  <ReplyToggle
                    postId={c.postId}
                    parentId={c.id}
                    toName={firstName(c.author.name)}
                    href={`/feed/p/${c.postId}?reply=${c.id}#c-${c.id}`}
                    initiallyOpen={replyTo === c.id}
                    createCommentAction={actions.createCommentAction}
                  />
                ) : null}
                {viewer && viewer.id !== c.author.id ? (
                  <ReportLink type="comment" id={c.id} label={`${c.author.name}'s comment`} />
                ) : null}
                {viewer?.id === c.author.id ? (
                  <DeleteButton action={actions.deleteCommentAction} id={c.id} label="Delete comment" />
                ) : null}
              </div>
            </>
          )}
          {c.replies.length ? (
            <ul className="mt-2 space-y-2" aria-label={`Replies to ${firstName(c.author.name)}`}>
              {c.replies.map((r) => (
                <CommentItem key={r.id} comment={r} viewer={viewer} mentionable={mentionable} replyTo={replyTo} actions={actions} fmt={fmt} />
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </li>
  );
}
