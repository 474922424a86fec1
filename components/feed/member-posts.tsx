import Link from "next/link";
import type { FeedPage } from "@/lib/server/queries/feed";
import type { FeedActions } from "./feed-actions";
import { PostCard } from "./post-card";

/** The first page of a member's posts, for their profile. */
export function MemberPosts({
  member,
  viewer,
  page,
  actions,
}: {
  member: { id: string; handle: string; name: string };
  viewer: { id: string } | null;
  /** the member's newest posts, as the page read them */
  page: FeedPage;
  actions: FeedActions;
}) {
  const firstName = member.name.split(" ")[0];
  return (
    <section className="space-y-4" aria-labelledby="posts-heading">
      <h2 id="posts-heading" className="text-lg font-semibold">
        Posts
      </h2>
      {page.posts.length === 0 ? (
        <p className="card text-sm muted">{viewer?.id === member.id ? "You haven't posted yet. The feed is a good place to start." : `${firstName} hasn't posted yet.`}</p>
      ) : (
        page.posts.map((post) => <PostCard key={post.id} post={post} viewer={viewer} mentionable={page.mentionable} headingLevel={3} actions={actions} />)
      )}
      {page.nextCursor ? (
        <Link href={`/feed?author=${member.handle}&cursor=${page.nextCursor}`} className="btn-secondary">
          More posts by {firstName} →
        </Link>
      ) : null}
    </section>
  );
}
