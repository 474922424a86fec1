import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { notify } from "@/lib/server/services/notifications/notify";
import { secondFactorsOf } from "@/lib/server/queries/factors";

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

/**
 * What a first factor (a right password, an emailed link) settles. With a second factor on it
 * settles nothing: the second step does (factors/second-step.ts), so a password alone cannot
 * keep an account its owner asked to delete. `secondFactor` tells the caller a second step follows.
 */
export async function settleAfterFirstFactor(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<{ secondFactor: boolean; deletion: "none" | "cancelled" | "erasing" }> {
  const secondFactor = (await secondFactorsOf(db, memberId)).any;
  return { secondFactor, deletion: secondFactor ? "none" : await settleDeletionOnSignIn(db, { memberId, now }) };
}

export const ERASING_MESSAGE = "This account was deleted at its owner's request.";
