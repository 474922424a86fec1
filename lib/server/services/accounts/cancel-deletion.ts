import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/**
 * What signing in does to a pending deletion: within the grace period it is cancelled and
 * audited ("cancelled": the next page says so); once the date has passed the account is being
 * erased and sign-in is refused ("erasing"); otherwise nothing ("none"). A conditional update,
 * so two sign-ins at once cancel (and audit) once.
 */
export async function settleDeletionOnSignIn(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<"none" | "cancelled" | "erasing"> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.member.updateMany({ where: { id: memberId, deleteAt: { gt: now } }, data: { deleteAt: null, deletionRequestedAt: null } });
    if (count > 0) {
      await recordAudit(tx, { actorId: memberId, action: "account.deletion_cancelled", subjectType: "member", subjectId: memberId, at: now });
      return "cancelled";
    }
    const due = await tx.member.count({ where: { id: memberId, deleteAt: { lte: now } } });
    return due > 0 ? "erasing" : "none";
  });
}

export const ERASING_MESSAGE = "This account was deleted at its owner's request.";
