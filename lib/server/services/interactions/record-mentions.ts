import "server-only";
import { noBlockWith } from "@/lib/server/queries/member-visibility";
import type { Tx } from "@/lib/server/db";
import { extractMentionHandles } from "@/lib/validation/post";
import { notifyMany } from "@/lib/server/services/notifications/notify";
import { recordInteraction } from "./record-interaction";

/**
 * Records one "mention" interaction per distinct member mentioned in a post or comment, and
 * tells each of them. Handles that do not exist, the author themself, and members blocked
 * in either direction simply do not resolve (nothing is recorded, nobody learns of a block).
 */
export async function recordMentions(
  tx: Tx,
  p: { actorId: string; actorHandle: string; actorName: string; body: string; postId: string; commentId?: string; now: Date },
): Promise<string[]> {
  const handles = extractMentionHandles(p.body);
  if (handles.length === 0) return [];
  const members = await tx.member.findMany({
    where: {
      handle: { in: handles },
      id: { not: p.actorId },
      ...noBlockWith(p.actorId),
    },
    select: { id: true },
  });
  const where = p.commentId ? `comment:${p.commentId}` : `post:${p.postId}`;
  const recorded: string[] = [];
  for (const m of members) {
    const r = await recordInteraction(
      tx,
      {
        actorId: p.actorId,
        targetId: m.id,
        kind: "mention",
        source: "observed",
        occurredAt: p.now,
        verification: "verified",
        sourceKey: `mention:${where}:${m.id}`,
        postId: p.postId,
        commentId: p.commentId ?? null,
      },
      p.now,
    );
    if (r?.created) recorded.push(m.id);
  }
  await notifyMany(
    tx,
    recorded.map((memberId) => ({
      memberId,
      type: "mentioned" as const,
      data: { byHandle: p.actorHandle, byName: p.actorName, postId: p.postId, commentId: p.commentId ?? null },
      at: p.now,
    })),
  );
  return recorded;
}
