import "server-only";
// The API's read helpers: they run at the edge (route handlers), so they open the database themselves.
import type { z } from "zod";
import { getDb } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { PROFILE_SELECT, findProfile, type PublicProfile } from "@/lib/server/queries/profile";
import type { ZMe } from "@/lib/validation/api/member";
import { LINKED_SELECT, linkedAccountOut } from "./present/linked-accounts";
import { iso } from "./present/common";

/** The caller's own account, as GET /me answers it. */
export async function loadMe(memberId: string): Promise<z.input<typeof ZMe>> {
  const m = await (await getDb()).member.findUniqueOrThrow({
    where: { id: memberId },
    select: { ...PROFILE_SELECT, email: true, timeZone: true, dateLocale: true, findInteractions: true, linkedAccounts: { select: LINKED_SELECT, orderBy: { network: "asc" } } },
  });
  return { ...m, linkedAccounts: m.linkedAccounts.map(linkedAccountOut), createdAt: iso(m.createdAt) };
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
export async function memberSummary(memberId: string) {
  return (await getDb()).member.findUniqueOrThrow({ where: { id: memberId }, select: { id: true, handle: true, name: true, headline: true } });
}
