import "server-only";
import { getDb } from "@/lib/server/db";
import { listBlocksMade } from "@/lib/server/queries/blocks";
import { requireMemberPage } from "@/lib/server/auth/session";

/** /settings/blocked */
export async function loadBlockedPage() {
  const viewer = await requireMemberPage();
  const blocked = await listBlocksMade(await getDb(), { memberId: viewer.id });
  return { viewer, blocked };
}
