import "server-only";
import { getDb } from "@/lib/server/db";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";
import { requireMemberPage } from "@/lib/server/auth/session";

/** /settings/account: the viewer's editable profile fields and email. */
export async function loadAccountSettingsPage() {
  const viewer = await requireMemberPage();
  const db = await getDb();
  const m = await db.member.findUniqueOrThrow({ where: { id: viewer.id }, select: { ...PROFILE_SELECT, email: true } });
  const { createdAt: _c, role: _r, topics, discoverable, ...rest } = m;
  // The form edits topics as one comma-separated text.
  return { viewer, m, profile: { ...rest, topics: topics.join(", ") }, discoverable };
}
