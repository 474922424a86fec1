import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Tx } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/services/audit/record-audit";

/** RAPPORT_ADMIN_EMAIL, lower-cased; several addresses may be separated by commas. */
export function adminEmails(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.RAPPORT_ADMIN_EMAIL ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

async function grant(db: Tx, member: { id: string; role: string }, via: "env" | "command", now: Date): Promise<boolean> {
  if (member.role === "admin") return false;
  const { count } = await db.member.updateMany({ where: { id: member.id, role: "member" }, data: { role: "admin" } });
  if (count === 0) return false;
  await recordAudit(db, { actorId: null, action: "admin.role_granted", subjectType: "member", subjectId: member.id, data: { via }, at: now });
  return true;
}

/**
 * The first admin of an installation: the account whose email is RAPPORT_ADMIN_EMAIL becomes
 * an admin when it signs up or signs in. Called by the account services; does nothing for
 * every other email. Returns true when the role was granted just now.
 */
export async function promoteIfAdminEmail(db: Tx, memberId: string, email: string, now: Date): Promise<boolean> {
  const emails = adminEmails();
  if (emails.length === 0 || !emails.includes(email.trim().toLowerCase())) return false;
  const member = await db.member.findUnique({ where: { id: memberId }, select: { id: true, role: true } });
  return member ? grant(db, member, "env", now) : false;
}

/** `npm run admin:grant -- <email>`: makes an existing account an admin. */
export async function grantAdminByEmail(db: Db, { email, now }: { email: string; now: Date }): Promise<{ handle: string; granted: boolean }> {
  return db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, role: true, handle: true } });
    if (!member) throw notFound(`An account with the email ${email}`);
    return { handle: member.handle, granted: await grant(tx, member, "command", now) };
  });
}
