import "server-only";
import { getDb } from "@/lib/server/db";
import { listTokens } from "@/lib/server/queries/tokens";
import { requireMemberPage } from "@/lib/server/auth/session";
import { systemNow } from "@/lib/server/clock";

/** /settings/tokens */
export async function loadTokensPage() {
  const viewer = await requireMemberPage();
  const tokens = await listTokens(await getDb(), { memberId: viewer.id });
  return { viewer, tokens, now: systemNow() };
}
