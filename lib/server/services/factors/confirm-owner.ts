import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError } from "@/lib/server/errors";
import { confirmPassword } from "@/lib/server/services/accounts/confirm-password";

const ASK = "Enter your password to confirm it's you.";

/**
 * Adding or removing a factor asks for the password, checked here (throttled like sign-in):
 * a browser left signed in must not let someone add their own passkey (a way back in that
 * survives a password change) or take the owner's away. An OAuth-only member has no password
 * to give; their provider stands for it.
 */
export async function confirmOwner(db: Db, { memberId, password, ip, now }: { memberId: string; password: string | undefined; ip: string; now: Date }): Promise<void> {
  const member = await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { passwordHash: true } });
  if (!member.passwordHash) return;
  if (!password) throw new AppError("validation", ASK, { fields: { password: [ASK] } });
  await confirmPassword(db, { memberId, passwordHash: member.passwordHash, password, field: "password", ip, now });
}
