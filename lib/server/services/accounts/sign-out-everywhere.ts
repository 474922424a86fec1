import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { endAllSessions } from "./end-sessions";

/**
 * "Sign out everywhere": every session of the member ends at once (other browsers, a copied
 * cookie). Returns the new session version so the browser that asked can be given a fresh
 * cookie and stay signed in — what a member pressing the button expects.
 */
export async function signOutEverywhere(db: Db, { memberId, now }: { memberId: string; now: Date }): Promise<{ sessionVersion: number }> {
  return db.$transaction(async (tx) => {
    const sessionVersion = await endAllSessions(tx, memberId);
    await recordAudit(tx, { actorId: memberId, action: "account.sessions_ended", subjectType: "member", subjectId: memberId, data: { reason: "sign_out_everywhere" }, at: now });
    return { sessionVersion };
  });
}
