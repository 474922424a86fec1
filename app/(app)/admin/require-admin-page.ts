import "server-only";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/server/auth/session";
import type { Viewer } from "@/lib/server/auth/viewer";

/**
 * For admin pages: the admin viewing it, or the ordinary 404 — for the signed-out and for
 * members alike, admin pages do not exist (PRODUCT §4: a member never sees admin pages).
 */
export async function requireAdminPage(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "admin" || viewer.suspended) notFound();
  return viewer;
}
