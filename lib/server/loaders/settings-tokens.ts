import "server-only";
import { getDb } from "@/lib/server/db";
import { listTokens } from "@/lib/server/queries/tokens";
import { currentMember } from "./request-cache";

/** /settings/tokens */
export async function loadTokensPage() {
  const viewer = await currentMember();
  const tokens = await listTokens(await getDb(), { memberId: viewer.id });
  return { viewer, tokens };
}
