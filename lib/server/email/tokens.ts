import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/server/db";

export type EmailTokenPurpose = "password_reset" | "verify_email" | "signin_link";

/** Password-reset links work for 30 minutes; sign-in links for 15; verification links for a day. */
export const TOKEN_TTL_MINUTES: Record<EmailTokenPurpose, number> = { password_reset: 30, verify_email: 24 * 60, signin_link: 15 };

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A new single-use token; only its hash is stored, so a database leak yields no working link. */
export async function issueEmailToken(tx: Tx, o: { memberId: string; purpose: EmailTokenPurpose; email: string; now: Date }): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await tx.emailToken.create({
    data: {
      memberId: o.memberId,
      purpose: o.purpose,
      email: o.email,
      tokenHash: hashToken(token),
      expiresAt: new Date(o.now.getTime() + TOKEN_TTL_MINUTES[o.purpose] * 60_000),
      createdAt: o.now,
    },
  });
  return token;
}

/**
 * Uses a token once: one conditional update marks it used only if it is unused, unexpired and
 * of this purpose, so two clicks racing cannot both succeed. null: forged, used or expired.
 */
export async function consumeEmailToken(
  tx: Tx,
  o: { token: string; purpose: EmailTokenPurpose; now: Date },
): Promise<{ memberId: string; email: string } | null> {
  const rows = await tx.$queryRaw<{ member_id: string; email: string }[]>`
    UPDATE email_token SET used_at = ${o.now}
    WHERE token_hash = ${hashToken(o.token)} AND purpose = ${o.purpose} AND used_at IS NULL AND expires_at > ${o.now}
    RETURNING member_id, email`;
  return rows[0] ? { memberId: rows[0].member_id, email: rows[0].email } : null;
}

/** Whether a token would be accepted now (for the reset page, before the form is sent). Read-only. */
export async function emailTokenUsable(tx: Tx, o: { token: string; purpose: EmailTokenPurpose; now: Date }): Promise<boolean> {
  const row = await tx.emailToken.findUnique({ where: { tokenHash: hashToken(o.token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  return Boolean(row && row.purpose === o.purpose && !row.usedAt && row.expiresAt > o.now);
}
