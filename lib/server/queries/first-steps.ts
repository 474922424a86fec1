import "server-only";
import type { Tx } from "@/lib/server/db";

/** The three first steps a new member takes, each done or not, from what they actually did. */
export type FirstSteps = {
  /** saved their protocol at least once (the default set at sign-up does not count) */
  protocol: boolean;
  /** reached out to someone: any interaction of theirs (a comment, reaction, mention, kudos…) */
  people: boolean;
  /** wrote a post */
  post: boolean;
};

/** One round trip, three indexed existence checks. */
export async function loadFirstSteps(db: Tx, { memberId }: { memberId: string }): Promise<FirstSteps> {
  const [protocol, people, post] = await Promise.all([
    db.auditEvent.findFirst({ where: { actorId: memberId, action: "policy.updated" }, select: { id: true } }),
    db.interaction.findFirst({ where: { actorId: memberId }, select: { id: true } }),
    db.post.findFirst({ where: { authorId: memberId }, select: { id: true } }),
  ]);
  return { protocol: protocol !== null, people: people !== null, post: post !== null };
}
