import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { listRequests } from "@/lib/server/queries/requests";
import type { RequestTab } from "@/lib/validation/request";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/** /requests: one tab of the viewer's requests. */
export async function loadRequestsPage(tab: RequestTab, cursor: string | null) {
  const viewer = await requireMemberPage();
  const now = systemNow();
  const db = await getDb();
  const [{ items, nextCursor }, settings] = await Promise.all([
    listRequests(db, { viewerId: viewer.id, tab, now, cursor: tab === "history" ? cursor : null }),
    appSettings(),
  ]);
  return { viewer, now, items, nextCursor, settings };
}
