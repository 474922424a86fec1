import "server-only";
import type { Db } from "@/lib/db/create-client";

/**
 * Links an OAuth identity to a member: an existing link signs in; otherwise a member with
 * the same (provider-verified) email is linked; otherwise a new member is created with a
 * handle derived from the name. An address the provider states is verified counts as
 * verified (Member.emailVerifiedAt). Returns the member id.
 */
export async function signInWithOauth(
  db: Db,
  p: {
    provider: string;
    providerAccountId: string;
    email: string | null;
    name: string | null;
    /** the provider says it verified the address (e.g. Google's `email_verified`) */
    emailVerified?: boolean;
    now?: Date;
  },
): Promise<string | null> {
  const linked = await db.oauthAccount.findUnique({
    where: { provider_providerAccountId: { provider: p.provider, providerAccountId: p.providerAccountId } },
    select: { memberId: true },
  });
  if (linked) {
    if (p.emailVerified && p.email) {
      await db.member.updateMany({ where: { id: linked.memberId, email: p.email.toLowerCase(), emailVerifiedAt: null }, data: { emailVerifiedAt: p.now ?? new Date() } });
    }
    return linked.memberId;
  }
  if (!p.email) return null;
  const email = p.email.toLowerCase();
  return db.$transaction(async (tx) => {
    let member = await tx.member.findUnique({ where: { email }, select: { id: true } });
    if (!member) {
      const base = (p.name ?? email.split("@")[0]).toLowerCase().replace(/[^a-z0-9_]/g, "").slice(0, 24).padEnd(3, "_");
      let handle = base;
      for (let i = 2; await tx.member.findUnique({ where: { handle }, select: { id: true } }); i++) handle = `${base}${i}`;
      member = await tx.member.create({ data: { email, handle, name: p.name ?? handle, emailVerifiedAt: p.emailVerified ? (p.now ?? new Date()) : null }, select: { id: true } });
      await tx.policy.create({ data: { memberId: member.id } });
    }
    if (p.emailVerified) await tx.member.updateMany({ where: { id: member.id, emailVerifiedAt: null }, data: { emailVerifiedAt: p.now ?? new Date() } });
    await tx.oauthAccount.create({ data: { memberId: member.id, provider: p.provider, providerAccountId: p.providerAccountId } });
    return member.id;
  });
}
