import "server-only";
import { systemNow } from "@/lib/server/clock";
import { requireMemberPage } from "@/lib/server/auth/session";

/** /interactions/log: the dates the form allows (a year back, up to today, in UTC). */
export async function loadLogInteractionPage() {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const today = now.toISOString().slice(0, 10);
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  return { viewer, today, yearAgo };
}
