import "server-only";
import type { Tx } from "@/lib/server/db";
import { readEmailPrefs, type EmailCategory } from "@/lib/email/categories";
import { headerSafe } from "@/lib/email/escape";
import type { RenderedEmail } from "@/lib/email/layout";
import { unsubscribeHeaders } from "./unsubscribe";

/**
 * Writes one email into the outbox, inside the caller's transaction: it is sent (by the
 * worker, lib/server/email/dispatch.ts) only if the event commits, and never during the
 * request. `key` names the message: a second write with the same key is ignored, so a retried
 * event cannot mail twice.
 */
export async function queueEmail(
  tx: Tx,
  o: { key: string; memberId: string | null; to: string; category: EmailCategory | "account" | "digest"; message: RenderedEmail; now: Date },
): Promise<void> {
  headerSafe(o.to, "recipient");
  const headers = o.memberId && o.category !== "account" ? unsubscribeHeaders(o.memberId, o.category) : {};
  await tx.$executeRaw`
    INSERT INTO email_outbox (id, key, member_id, recipient, category, subject, text_body, html_body, headers, next_attempt_at, created_at)
    VALUES (${`eo_${crypto.randomUUID()}`}, ${o.key}, ${o.memberId}, ${o.to}, ${o.category}, ${o.message.subject},
            ${o.message.text}, ${o.message.html}, ${JSON.stringify(headers)}::jsonb, ${o.now}, ${o.now})
    ON CONFLICT (key) DO NOTHING`;
}

/** What an email needs of its recipient: address, name for the greeting, and their choices. */
export type EmailMember = { id: string; email: string; name: string; emailPrefs: unknown };

/**
 * A notification email for `memberId` in `category`, written only if the member wants that
 * category at once (the digest covers "digest"; "never" sends nothing). Reads the member's
 * address and choice in the same transaction, unless the caller already read them (`member`).
 */
export async function queueCategoryEmail(
  tx: Tx,
  o: { key: string; memberId: string; member?: EmailMember; category: EmailCategory; now: Date; build: (name: string) => RenderedEmail },
): Promise<void> {
  const member = o.member ?? (await tx.member.findUnique({ where: { id: o.memberId }, select: { email: true, name: true, emailPrefs: true } }));
  if (!member || readEmailPrefs(member.emailPrefs)[o.category] !== "instant") return;
  await queueEmail(tx, { key: o.key, memberId: o.memberId, to: member.email, category: o.category, message: o.build(member.name), now: o.now });
}
