import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { pendingCookieName, readPendingToken } from "@/lib/server/auth/pending-sign-in";
import { secondFactorsOf } from "@/lib/server/queries/factors";

/** /signin/second-factor: which factors to offer, or null when there is no live pending sign-in. */
export async function loadSecondStep() {
  const pending = readPendingToken((await cookies()).get(pendingCookieName())?.value, systemNow());
  if (!pending) return null;
  return secondFactorsOf(await getDb(), pending.memberId);
}
