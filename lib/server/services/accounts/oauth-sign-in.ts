import "server-only";
import type { Db } from "@/lib/db/create-client";

/**
 * Links an OAuth identity to a member: an existing link signs in; otherwise a member with
 * the same (provider-verified) email is linked; otherwise a new member is created with a
 * handle derived from the name. Returns the member id.
 */
export async function signInWithOauth(
  db: Db,
  p: {
    provider: string;
    providerAccountId: string;
    email: string | null;
    name: string | null;
  },
): Promise<string | null> {
  const linked = await db.oauthAccount.findUnique({
    where: { provider_providerAccountId: { provider: p.provider, providerAccountId: p.providerAccountId } },
    select: { memberId: true },
  });
  if (linked) return linked.memberId;
  if (!p.email) return null;
  const email = p.email.toLowerCase();
  return db.$transaction(async (tx) => {
    let member = await tx.member.findUnique({ where: { email }, select: { id: true } });
    if (!member) {
      const base = (p.name ?? email.split("@")[0]).toLowerCase().replace(/[^a-z0-9_]/g, "").slice(0, 24).padEnd(3, "_");
      let handle = base;
      for (let i = 2; await tx.member.findUnique({ where: { handle }, select: { id: true } }); i++) handle = `${base}${i}`;
      member = await tx.member.create({ data: { email, handle, name: p.name ?? handle }, select: { id: true } });
      await tx.policy.create({ data: { memberId: member.id } });
    }
    await tx.oauthAccount.create({ data: { memberId: member.id, provider: p.provider, providerAccountId: p.providerAccountId } });
    return member.id;
  });
}
