import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { PostCard } from "@/components/feed/post-card";
import type { FeedActions } from "@/components/feed/feed-actions";
import { createCommentAction, deleteCommentAction, deletePostAction, reactAction } from "@/lib/server/actions/feed";
import { loadPostPage } from "@/lib/server/loaders/feed";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata = { title: "Post" };

const FEED_ACTIONS: FeedActions = { createCommentAction, deleteCommentAction, deletePostAction, reactAction };

/** One post with its whole conversation. Readable signed out; removed posts say so. */
export default async function PostPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const found = await loadPostPage(decodeURIComponent(id));
  if (!found) notFound();
  const { viewer } = found;
  const replyTo = typeof sp.reply === "string" ? sp.reply : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <BackLink href="/feed">Feed</BackLink>
      <h1 className="sr-only">
        {found.post.removed ? "Removed post" : `Post by ${found.post.author.name}`}
      </h1>
      <PostCard post={found.post} viewer={viewer} mentionable={found.mentionable} replyTo={replyTo} commentOpen actions={FEED_ACTIONS} />
      {!viewer && !found.post.removed ? (
        <p className="card text-sm">
          <a href={`/signin?next=/feed/p/${found.post.id}`} className="underline">
            Sign in
          </a>{" "}
          to join the conversation.
        </p>
      ) : null}
    </div>
  );
}
