import "server-only";
// The API's read helpers: they run at the edge (route handlers), so they open the database themselves.
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { findMe } from "@/lib/server/queries/me";
import { findProfile, type PublicProfile } from "@/lib/server/queries/profile";
import { meOut } from "./present/me";

/** The caller's own account, as GET /me answers it (writes answer from their own transaction). */
export async function loadMe(memberId: string) {
  return meOut(await findMe(await getDb(), memberId));
}

/**
 * A member the caller may see, by handle, or not_found: unknown handles and members who
 * blocked the caller read the same (findProfile decides).
 */
export async function visibleMember(handle: string, viewerId: string): Promise<PublicProfile> {
  const profile = await findProfile(await getDb(), { handle, viewerId });
  if (!profile) throw notFound("That member");
  return profile;
}
