import "server-only";
import { markSummariesStale } from "@/lib/server/services/summaries/mark-stale";
import type { Db } from "@/lib/db/create-client";
import { notFound } from "@/lib/server/errors";
import { ZPostCreate, type TPostCreateInput } from "@/lib/validation/post";
import { isBlockedEither } from "@/lib/server/services/interactions/blocks";
import { parseInput } from "@/lib/server/validation";
import { enforceContentLimit } from "@/lib/server/services/interactions/content-limits";
import { recordInteraction } from "@/lib/server/services/interactions/record-interaction";
import { recordMentions } from "@/lib/server/services/interactions/record-mentions";

/**
 * Publishes a post (or, with `sharedPostId`, a share with the sharer's own words), and in
 * the same transaction records what it says about other members: a "share" toward the
 * original author and a "mention" toward each @mentioned member.
 */
export async function createPost(db: Db, { authorId, input, now }: { authorId: string; input: TPostCreateInput; now: Date }) {
  const data = parseInput(ZPostCreate, input);
  return db.$transaction(async (tx) => {
    await enforceContentLimit(tx, "post", { memberId: authorId, now });

    let original: { id: string; authorId: string } | null = null;
    if (data.sharedPostId) {
      const shared = await tx.post.findFirst({ where: { id: data.sharedPostId, deletedAt: null }, select: { id: true, authorId: true, sharedPostId: true } });
      if (!shared) throw notFound("That post");
      // Sharing a share shares what it shared (while that still exists): credit goes to the
      // person who wrote it, and the feed never nests shares.
      const root = shared.sharedPostId
        ? await tx.post.findFirst({ where: { id: shared.sharedPostId, deletedAt: null }, select: { id: true, authorId: true } })
        : null;
      original = root ?? shared;
      if (await isBlockedEither(tx, authorId, shared.authorId)) throw notFound("That post");
      if (await isBlockedEither(tx, authorId, original.authorId)) throw notFound("That post");
    }

    const author = await tx.member.findUniqueOrThrow({ where: { id: authorId }, select: { handle: true, name: true } });
    const post = await tx.post.create({
      data: { authorId, body: data.body, sharedPostId: original?.id ?? null, createdAt: now },
    });
    if (original) {
      await recordInteraction(
        tx,
        {
          actorId: authorId,
          targetId: original.authorId,
          kind: "share",
          source: "observed",
          occurredAt: now,
          verification: "verified",
          sourceKey: `share:${post.id}`,
          postId: post.id,
        },
        now,
      );
    }
    await recordMentions(tx, { actorId: authorId, actorHandle: author.handle, actorName: author.name, body: data.body, postId: post.id, now });
    // A first post changes what others' next steps suggest ("reply to one of her posts"):
    // the summaries judged by the author's protocol are recomputed.
    if ((await tx.post.count({ where: { authorId, deletedAt: null } })) === 1) await markSummariesStale(tx, { recipientId: authorId });
    return post;
  });
}
