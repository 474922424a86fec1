import "server-only";
import { getDb } from "@/lib/server/db";
import { listConnections } from "@/lib/server/queries/connections";
import { currentMember } from "./request-cache";

/** /connections */
export async function loadConnectionsPage(p: { q: string; page: number }) {
  const viewer = await currentMember();
  const list = await listConnections(await getDb(), { viewerId: viewer.id, q: p.q, page: p.page });
  return { viewer, list };
}
