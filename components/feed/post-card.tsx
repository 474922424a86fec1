import Link from "next/link";
import type { FeedPost, SharedEmbed } from "@/lib/server/queries/feed";
import { DeleteButton } from "@/components/ui/delete-button";
import { Avatar } from "@/components/ui/avatar";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import type { FeedActions } from "./feed-actions";
import { PostBody } from "./post-body";
import { ReactionBar } from "./reaction-bar";
import { TimeAgo } from "@/components/ui/time-ago";
import { ReportLink } from "@/components/reports/report-link";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { DateFormat } from "@/lib/dates/format";

type Viewer = { id: string } | null;

/** The post a share points at, quoted inside the share. */
export function SharedPost({ shared, mentionable, fmt }: { shared: SharedEmbed; mentionable: readonly string[]; fmt: DateFormat }) {
  if (!shared.available) {
    return (
      <p className="mt-3 rounded-lg border border-dashed border-stone-300 px-3 py-2 text-sm italic muted dark:border-stone-700">
        {shared.reason === "removed" ? "This post was removed." : "This post isn't available."}
      </p>
    );
  }
  return (
    <blockquote className="mt-3 rounded-lg border border-stone-200 p-3 dark:border-stone-700">
      <p className="flex items-center gap-2 text-sm">
        <Avatar name={shared.author.name} seed={shared.author.id} size="sm" />
        <a href={`/u/${shared.author.handle}`} className="font-medium no-underline hover:underline">
          {shared.author.name}
        </a>
        <Link href={`/feed/p/${shared.id}`} className="text-xs muted no-underline hover:underline">
          <TimeAgo date={shared.createdAt} fmt={fmt} />
        </Link>
      </p>
      <PostBody body={shared.body} mentionable={mentionable} className="prose-post mt-2 text-sm" />
    </blockquote>
  );
}

/**
 * A post as the feed, a profile and the post page show it. `full` shows every thread (post
 * page); otherwise the newest few with a link to the rest.
 */
export async function PostCard({
  post,
  viewer,
  mentionable,
  replyTo,
  headingLevel = 2,
  commentOpen = false,
  actions,
}: {
  post: FeedPost;
  viewer: Viewer;
  mentionable: readonly string[];
  replyTo?: string;
  headingLevel?: 2 | 3;
  /** the comment box starts open (the post's own page); elsewhere it waits behind "Comment" */
  commentOpen?: boolean;
  /** the feed's server actions, from the page */
  actions: FeedActions;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const headingId = `post-${post.id}`;
  if (post.removed) {
    return (
      <article className="card" aria-label="Removed post">
        <p className="italic muted">This post was removed.</p>
      </article>
    );
  }
  const mine = viewer?.id === post.author.id;
  const fmt = await dateFormat();
  return (
    <article className="card" aria-labelledby={headingId}>
      <header className="flex items-start gap-3">
        <Avatar name={post.author.name} seed={post.author.id} />
        <div className="min-w-0 flex-1">
          <H id={headingId} className="text-base font-semibold leading-tight">
            {/* Both links at least 24 px tall: stacked this close, smaller ones are hard to hit (WCAG 2.5.8). */}
            <a href={`/u/${post.author.handle}`} className="inline-block min-h-6 leading-6 no-underline hover:underline">
              {post.author.name}
            </a>
            {post.shared ? <span className="font-normal muted"> shared a post</span> : null}
          </H>
          <p className="truncate text-xs leading-6 muted">
            {post.author.headline ? `${post.author.headline} · ` : ""}
            <Link href={`/feed/p/${post.id}`} className="inline-block min-h-6 no-underline hover:underline">
              <TimeAgo date={post.createdAt} fmt={fmt} />
            </Link>
          </p>
        </div>
      </header>
      <PostBody body={post.body} mentionable={mentionable} className="prose-post mt-3" />
      {post.shared ? <SharedPost shared={post.shared} mentionable={mentionable} fmt={fmt} /> : null}

      <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-3 dark:border-stone-800">
        <ReactionBar subject="post" id={post.id} summary={post.reactions} canReact={viewer !== null} reactAction={actions.reactAction} />
        <span className="flex-1" />
        <Link href={`/feed/p/${post.id}#comments-${post.id}`} className="text-xs muted no-underline hover:underline">
          {post.commentCount === 1 ? "1 comment" : `${post.commentCount} comments`}
        </Link>
        {viewer && !(post.shared && !post.shared.available) ? (
          <Link
            href={`/feed?share=${post.shared?.available ? post.shared.id : post.id}#composer`}
            className="rounded px-1.5 py-0.5 text-xs font-medium text-stone-600 no-underline hover:bg-stone-100 dark:text-stone-400 dark:hover:bg-stone-800"
          >
            Share
          </Link>
        ) : null}
        {viewer && !mine ? <ReportLink type="post" id={post.id} label={`${post.author.name}'s post`} /> : null}
        {mine ? (
          <DeleteButton action={actions.deletePostAction} id={post.id} label="Delete post" />
        ) : null}
      </div>

      <section id={`comments-${post.id}`} aria-label="Comments" className="mt-3 space-y-3">
        {post.moreThreads > 0 ? (
          <Link href={`/feed/p/${post.id}#comments-${post.id}`} className="text-sm muted">
            View {post.moreThreads === 1 ? "1 earlier comment" : `${post.moreThreads} earlier comments`}
          </Link>
        ) : null}
        {post.comments.length ? (
          <ul className="space-y-3">
            {post.comments.map((c) => (
              <CommentItem key={c.id} comment={c} viewer={viewer} mentionable={mentionable} replyTo={replyTo} actions={actions} fmt={fmt} />
            ))}
          </ul>
        ) : null}
        {viewer ? (
          // Collapsed behind "Comment" so a list of posts stays readable; <details> opens without JavaScript.
          <details className="group" open={commentOpen}>
            <summary className="inline-flex min-h-8 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm font-medium text-stone-700 hover:bg-stone-100 group-open:mb-2 dark:text-stone-300 dark:hover:bg-stone-800 [&::-webkit-details-marker]:hidden">
              Comment<span className="sr-only"> on {post.author.name}&rsquo;s post</span>
            </summary>
            <CommentForm postId={post.id} createCommentAction={actions.createCommentAction} />
          </details>
        ) : null}
      </section>
    </article>
  );
}
