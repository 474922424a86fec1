import "server-only";
import { redirect } from "next/navigation";
import { systemNow } from "@/lib/server/clock";
import { setPendingSignInCookie } from "./pending-sign-in";
import { startSession } from "./session";

/**
 * After a first factor was right (a password, an emailed link): with a second factor on, no
 * session — a short pending token and the second step (pending-sign-in.ts); otherwise the
 * session, and the next page (which says so when signing in kept an account being deleted).
 */
export async function finishFirstFactor(
  r: { memberId: string; sessionVersion: number; secondFactor: boolean; deletionCancelled: boolean },
  next: string,
): Promise<never> {
  if (r.secondFactor) {
    await setPendingSignInCookie({ memberId: r.memberId, sessionVersion: r.sessionVersion, now: systemNow() });
    redirect(`/signin/second-factor?next=${encodeURIComponent(next)}`);
  }
  await startSession(r.memberId, r.sessionVersion);
  redirect(r.deletionCancelled ? "/settings/account?deletion=cancelled" : next);
}
