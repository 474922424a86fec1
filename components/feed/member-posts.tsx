import Link from "next/link";
import { getDb } from "@/lib/server/db";
import { listPosts } from "@/lib/server/queries/feed";
import { PostCard } from "./post-card";

/** The first page of a member's posts, for their profile. */
export async function MemberPosts({
  member,
  viewer,
  blocked,
}: {
  member: { id: string; handle: string; name: string };
  viewer: { id: string } | null;
  /** members in a block with the viewer, as the page read them */
  blocked?: Set<string>;
}) {
  const page = await listPosts(await getDb(), { viewerId: viewer?.id ?? null, authorId: member.id, limit: 5, threadsPerPost: 1, blocked });
  const firstName = member.name.split(" ")[0];
  return (
    <section className="space-y-4" aria-labelledby="posts-heading">
      <h2 id="posts-heading" className="text-lg font-semibold">
        Posts
      </h2>
      {page.posts.length === 0 ? (
        <p className="card text-sm muted">{viewer?.id === member.id ? "You haven't posted yet. The feed is a good place to start." : `${firstName} hasn't posted yet.`}</p>
      ) : (
        page.posts.map((post) => <PostCard key={post.id} post={post} viewer={viewer} mentionable={page.mentionable} headingLevel={3} />)
      )}
      {page.nextCursor ? (
        <Link href={`/feed?author=${member.handle}&cursor=${page.nextCursor}`} className="btn-secondary">
          More posts by {firstName} →
        </Link>
      ) : null}
    </section>
  );
}
