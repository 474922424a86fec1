import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError, notFound } from "@/lib/server/errors";
import { SUBJECT_LABELS, type ReportSubjectType } from "@/lib/validation/report";

/** What the reporter is looking at: enough to show "You're reporting …" and to check it. */
export type Reportable = {
  type: ReportSubjectType;
  id: string;
  /** the member responsible for it (the author, the actor who logged it, the member) */
  ownerId: string;
  owner: { handle: string; name: string };
  /** the text being reported (empty for a member) */
  text: string;
  createdAt: Date;
};

const OWNER = { select: { id: true, handle: true, name: true } } as const;

/**
 * The item as the reporter may see it, or not_found. You cannot report what you cannot see:
 * removed content, content whose author (or whose post's author) blocked you, a member who
 * blocked you, and a pending logged interaction you are not part of. Reporting someone you
 * blocked yourself is allowed — "block and report" is the usual order.
 */
export async function findReportable(tx: Tx, p: { viewerId: string; type: ReportSubjectType; id: string }): Promise<Reportable> {
  const { viewerId, type, id } = p;
  const gone = () => notFound(`That ${SUBJECT_LABELS[type]}`);
  let found: (Omit<Reportable, "type" | "id" | "ownerId" | "owner"> & { owner: { id: string; handle: string; name: string }; alsoVisibleTo: string[] }) | null =
    null;
  switch (type) {
    case "member": {
      const m = await tx.member.findUnique({ where: { id }, select: { id: true, handle: true, name: true, headline: true, createdAt: true } });
      if (m) found = { owner: m, text: m.headline, createdAt: m.createdAt, alsoVisibleTo: [] };
      break;
    }
    case "post": {
      const p = await tx.post.findFirst({ where: { id, deletedAt: null }, select: { body: true, createdAt: true, author: OWNER } });
      if (p) found = { owner: p.author, text: p.body, createdAt: p.createdAt, alsoVisibleTo: [] };
      break;
    }
    case "comment": {
      const c = await tx.comment.findFirst({
        where: { id, deletedAt: null, post: { deletedAt: null } },
        select: { body: true, createdAt: true, author: OWNER, post: { select: { authorId: true } } },
      });
      if (c) found = { owner: c.author, text: c.body, createdAt: c.createdAt, alsoVisibleTo: [c.post.authorId] };
      break;
    }
    case "kudos": {
      const k = await tx.kudos.findFirst({ where: { id, deletedAt: null }, select: { body: true, createdAt: true, author: OWNER, recipientId: true } });
      if (k) found = { owner: k.author, text: k.body, createdAt: k.createdAt, alsoVisibleTo: [k.recipientId] };
      break;
    }
    case "logged_interaction": {
      const l = await tx.loggedInteraction.findFirst({
        where: { id, status: { in: ["pending", "verified", "confirmed", "disputed"] } },
        select: { status: true, summary: true, evidenceUrl: true, createdAt: true, targetId: true, actor: OWNER },
      });
      // Pending ones are private to the two members until the target decides.
      if (l && (l.status !== "pending" || viewerId === l.actor.id || viewerId === l.targetId)) {
        found = { owner: l.actor, text: l.summary ?? l.evidenceUrl ?? "", createdAt: l.createdAt, alsoVisibleTo: [l.targetId] };
      }
      break;
    }
  }
  if (!found) throw gone();
  if (found.owner.id === viewerId) {
    const msg = type === "member" ? "You can't report yourself." : `This is your own ${SUBJECT_LABELS[type]} — you can delete it instead of reporting it.`;
    throw new AppError("self", msg);
  }
  // Hidden from the viewer when its owner (or the member whose page or post it is on) blocked them.
  const hiders = [found.owner.id, ...found.alsoVisibleTo].filter((m) => m !== viewerId);
  const blocked = await tx.block.findFirst({ where: { blockerId: { in: hiders }, blockedId: viewerId }, select: { blockerId: true } });
  if (blocked) throw gone();
  const { owner, alsoVisibleTo: _a, ...rest } = found;
  return { type, id, ownerId: owner.id, owner: { handle: owner.handle, name: owner.name }, ...rest };
}
