import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { findProfile } from "@/lib/server/queries/profile";
import { loadRelationship } from "@/lib/server/queries/relationship";
import { lockReasonOf } from "@/lib/warmup/wording";
import { requireMemberPage } from "@/lib/server/auth/session";
import { appSettings } from "./request-cache";

/**
 * /u/[handle]/connect: the member and where the viewer stands with them, or null when there
 * is no one to ask (unknown, yourself, blocked either way). `relationship` is null unless
 * the viewer may ask now.
 */
export async function loadConnectPage(handle: string) {
  const viewer = await requireMemberPage();
  const db = await getDb();
  const now = systemNow();
  const [profile, settings] = await Promise.all([findProfile(db, { handle, viewerId: viewer.id }), appSettings()]);
  if (!profile || profile.id === viewer.id || profile.blockedByViewer) return null;
  const relationship = await loadRelationship(db, { viewerId: viewer.id, otherId: profile.id, now, settings });
  // Only "warm, with budget left" may ask here; anything else is explained on the profile.
  const canAsk = relationship !== null && relationship.evaluation.status === "warm" && lockReasonOf(relationship, profile.name.split(" ")[0]) === null;
  return { viewer, profile, relationship: canAsk ? relationship : null };
}
