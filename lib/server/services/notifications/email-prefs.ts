import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/validation";
import { readEmailPrefs, withUnsubscribed, type EmailPrefs } from "@/lib/email/categories";
import { readUnsubscribeToken } from "@/lib/server/email/unsubscribe";
import { ZEmailPrefs, type TEmailPrefs } from "@/lib/validation/email";

/** /settings/notifications: one choice per category, stored on the member. */
export async function updateEmailPrefs(db: Db, { memberId, input }: { memberId: string; input: TEmailPrefs }): Promise<EmailPrefs> {
  const prefs = parseInput(ZEmailPrefs, input, { message: "Choose how you hear about each kind of news." });
  const row = await db.member.update({ where: { id: memberId }, data: { emailPrefs: prefs }, select: { emailPrefs: true } });
  return readEmailPrefs(row.emailPrefs);
}

/**
 * One-click unsubscribe from a signed link (no sign-in): the category becomes "never". A
 * forged or altered link is refused and changes nothing. Row-locked, so two clicks at once
 * cannot undo a choice made in between.
 */
export async function unsubscribeByToken(db: Db, { token }: { token: string }): Promise<{ category: string }> {
  const read = readUnsubscribeToken(token);
  if (!read) throw new AppError("validation", "This unsubscribe link is not valid. Choose your emails at /settings/notifications.", { fields: { t: ["Not a valid link."] } });
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ email_prefs: unknown }[]>`SELECT email_prefs FROM member WHERE id = ${read.memberId} FOR UPDATE`;
    if (!rows[0]) throw new AppError("not_found", "This account no longer exists.");
    const prefs = withUnsubscribed(readEmailPrefs(rows[0].email_prefs), read.category);
    await tx.member.update({ where: { id: read.memberId }, data: { emailPrefs: prefs } });
    return { category: read.category };
  });
}
