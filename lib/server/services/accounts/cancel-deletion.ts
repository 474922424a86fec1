import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { notify } from "@/lib/server/services/notifications/notify";

/**
 * What signing in does to a pending deletion: within the grace period it is cancelled and
 * audited, with a notification — the only word an OAuth sign-in can carry, since next-auth's
 * callback cannot choose the next page without refusing the sign-in ("cancelled": a password
 * sign-in's next page says so too); once the date has passed the account is being
 * erased and sign-in is refused ("erasing"); otherwise nothing ("none"). A conditional update,
 * so two sign-ins at once cancel (and audit) once.
 */
export async function settleDeletionOnSignIn(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<"none" | "cancelled" | "erasing"> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.member.updateMany({ where: { id: memberId, deleteAt: { gt: now } }, data: { deleteAt: null, deletionRequestedAt: null } });
    if (count > 0) {
      await recordAudit(tx, { actorId: memberId, action: "account.deletion_cancelled", subjectType: "member", subjectId: memberId, at: now });
      await notify(tx, memberId, "deletion_cancelled", {}, now);
      return "cancelled";
    }
    const due = await tx.member.count({ where: { id: memberId, deleteAt: { lte: now } } });
    return due > 0 ? "erasing" : "none";
  });
}

export const ERASING_MESSAGE = "This account was deleted at its owner's request.";
