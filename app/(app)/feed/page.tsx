import Link from "next/link";
import { Composer } from "@/components/feed/composer";
import { PostCard, SharedPost } from "@/components/feed/post-card";
import { dateFormat } from "@/lib/server/loaders/date-format";
import type { FeedActions } from "@/components/feed/feed-actions";
import { createCommentAction, createPostAction, deleteCommentAction, deletePostAction, reactAction } from "@/lib/server/actions/feed";
import { loadFeedPage } from "@/lib/server/loaders/feed";

export const metadata = { title: "Feed" };

const FEED_ACTIONS: FeedActions = { createCommentAction, deleteCommentAction, deletePostAction, reactAction };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function FeedPage({ searchParams }: Props) {
  const sp = await searchParams;
  const cursor = one(sp.cursor);
  const shareId = one(sp.share);
  const authorHandle = one(sp.author)?.replace(/^@/, "").toLowerCase();
  const { viewer, author, page, sharing, shareable } = await loadFeedPage({ cursor, shareId, authorHandle });
  const more = (c: string) => `/feed?${new URLSearchParams({ ...(author ? { author: author.handle } : {}), cursor: c })}`;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{author ? `Posts by ${author.name}` : "Feed"}</h1>
        {author ? (
          <Link href="/feed" className="text-sm underline">
            Back to everyone
          </Link>
        ) : (
          <p className="text-sm muted">Talk first, connect later: every reply here is how warm-ups begin.</p>
        )}
      </header>

      {viewer && !author && !cursor ? (
        shareable ? (
          <Composer
            createPostAction={createPostAction}
            sharedPostId={shareable.id}
            sharing={
              <div>
                <p className="text-xs muted">
                  Sharing {shareable.author.name}&apos;s post ·{" "}
                  <Link href="/feed" className="underline">
                    Cancel
                  </Link>
                </p>
                <SharedPost
                  shared={{ id: shareable.id, available: true, author: shareable.author, body: shareable.body, createdAt: shareable.createdAt }}
                  mentionable={sharing?.mentionable ?? []}
                  fmt={await dateFormat()}
                />
              </div>
            }
          />
        ) : (
          <Composer createPostAction={createPostAction} />
        )
      ) : null}
      {!viewer ? (
        <p className="card text-sm">
          <a href="/signin?next=/feed" className="underline">
            Sign in
          </a>{" "}
          to post, comment and react.
        </p>
      ) : null}
      {shareId && viewer && !shareable ? (
        <p role="status" className="card text-sm">
          That post can&apos;t be shared — it may have been removed.
        </p>
      ) : null}

      {page.posts.length === 0 ? (
        <p className="card text-center muted">
          {author
            ? `${author.name} hasn't posted yet.`
            : authorHandle
              ? `We couldn't find anyone with the handle @${authorHandle}.`
              : cursor
                ? "No older posts."
                : "Nothing here yet. Write the first post — say hello, share what you're working on."}
        </p>
      ) : (
        <div className="space-y-4">
          {page.posts.map((post) => (
            <PostCard key={post.id} post={post} viewer={viewer} mentionable={page.mentionable} actions={FEED_ACTIONS} />
          ))}
        </div>
      )}

      <nav aria-label="Pagination" className="flex justify-between">
        {cursor ? (
          <Link href={author ? `/feed?author=${author.handle}` : "/feed"} className="btn-quiet">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={more(page.nextCursor)} className="btn-secondary">
            Older posts →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
