import "server-only";
import type { Tx } from "@/lib/server/db";
import { readEmailPrefs, type EmailPrefs } from "@/lib/email/categories";

/** The member's email choices, one per category, with the default for any not chosen yet. */
export async function findEmailPrefs(db: Tx, memberId: string): Promise<EmailPrefs> {
  const row = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { emailPrefs: true } });
  return readEmailPrefs(row.emailPrefs);
}
