import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { PROFILE_SELECT, findProfile, type PublicProfile } from "@/lib/server/queries/profile";
import type { ZMe } from "@/lib/validation/api/member";
import { iso } from "./present/common";

/** The caller's own account, as GET /me answers it. */
export async function loadMe(memberId: string, db?: Tx): Promise<z.input<typeof ZMe>> {
  const client = db ?? (await getDb());
  const m = await client.member.findUniqueOrThrow({ where: { id: memberId }, select: { ...PROFILE_SELECT, email: true } });
  return { ...m, createdAt: iso(m.createdAt) };
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

/** id, handle, name and headline of one member (for answers about something the caller just did). */
export async function memberSummary(memberId: string, db?: Tx) {
  const client = db ?? (await getDb());
  return client.member.findUniqueOrThrow({ where: { id: memberId }, select: { id: true, handle: true, name: true, headline: true } });
}
