import "server-only";
import { getDb } from "@/lib/server/db";
import { listConnections } from "@/lib/server/queries/connections";
import { requireMemberPage } from "@/lib/server/auth/session";

/** /connections */
export async function loadConnectionsPage(p: { q: string; page: number }) {
  const viewer = await requireMemberPage();
  const list = await listConnections(await getDb(), { viewerId: viewer.id, q: p.q, page: p.page });
  return { viewer, list };
}
