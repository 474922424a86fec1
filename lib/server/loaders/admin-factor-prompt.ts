import "server-only";
import { getDb } from "@/lib/server/db";
import { getViewer } from "@/lib/server/auth/session";
import { secondFactorsOf } from "@/lib/server/queries/factors";

/**
 * Admin pages: true when the viewer is an admin without a second factor (they are asked to add
 * one). False for everyone else, so the layout reveals nothing on pages that answer 404.
 */
export async function loadAdminFactorPrompt(): Promise<boolean> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin" || viewer.suspended) return false;
  return !(await secondFactorsOf(await getDb(), viewer.id)).any;
}
