import "server-only";
import { getDb } from "@/lib/server/db";
import { systemNow } from "@/lib/server/clock";
import { findProfile } from "@/lib/server/queries/profile";
import { loadPolicy } from "@/lib/server/queries/policy";
import { appSettings, currentViewer, viewerBlocks } from "./request-cache";

/** /u/[handle]: the profile, its protocol, and the viewer's blocks (for the posts and kudos wall), or null when it does not exist for the viewer. */
export async function loadProfilePage(handle: string) {
  const viewer = await currentViewer();
  const db = await getDb();
  const now = systemNow();
  const [profile, settings, blocked] = await Promise.all([findProfile(db, { handle, viewerId: viewer?.id ?? null }), appSettings(), viewerBlocks(viewer?.id ?? null)]);
  if (!profile) return null;
  const policy = await loadPolicy(db, { memberId: profile.id, settings });
  return { viewer, profile, policy, settings, blocked, now, isSelf: viewer?.id === profile.id };
}
