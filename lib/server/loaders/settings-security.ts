import "server-only";
import { getDb } from "@/lib/server/db";
import { listFactors } from "@/lib/server/queries/factors";
import { requireMemberPage } from "@/lib/server/auth/session";

/** /settings/security */
export async function loadSecurityPage() {
  const viewer = await requireMemberPage();
  const db = await getDb();
  const [factors, member] = await Promise.all([
    listFactors(db, { memberId: viewer.id }),
    db.member.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } }),
  ]);
  return { viewer, factors, hasPassword: member.passwordHash !== null };
}
