import "server-only";
import type { Db } from "@/lib/db/create-client";
import { AppError, isUniqueViolation } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/auth/password";
import { ZSignup, type TSignupInput } from "@/lib/validation/member";
import { parseInput } from "@/lib/server/validation";
import { checkThrottle, lockThrottleKey, recordAttempt, THROTTLES } from "./throttle";
import { recordAudit } from "@/lib/server/services/audit/record-audit";
import { queueVerification } from "./email-verification";
import { promoteIfAdminEmail } from "@/lib/server/services/admin/bootstrap-admin";
import { findMe, type MeRow } from "@/lib/server/queries/me";

/**
 * Creates an account. Field errors name the field; nothing is stored on any error. Returns the
 * new member as stored (findMe, read in the transaction: the API answers with it).
 */
export async function signUp(db: Db, { input, ip, now }: { input: TSignupInput; ip: string; now: Date }): Promise<MeRow> {
  const data = parseInput(ZSignup, input, { message: "Please check the highlighted fields." });
  const rule = { kind: "signup", key: ip, max: THROTTLES.signupPerIp(), windowMinutes: 60 };
  const tooMany = "Too many accounts were created from your network in the last hour. Please try again later.";
  await checkThrottle(db, rule, now, tooMany); // early and cheap: before hashing the password
  const taken = await db.member.findFirst({
    where: { OR: [{ email: data.email }, { handle: data.handle }] },
    select: { email: true, handle: true },
  });
  if (taken) throw takenError(taken.email === data.email ? "email" : "handle");
  const passwordHash = await hashPassword(data.password);
  try {
    const member = await db.$transaction(async (tx) => {
      // Again under a lock on this address, so sign-ups sent all at once cannot all pass.
      await lockThrottleKey(tx, rule.kind, ip);
      await checkThrottle(tx, rule, now, tooMany);
      const m = await tx.member.create({
        data: { email: data.email, handle: data.handle, name: data.name, passwordHash, timeZone: data.timeZone, dateLocale: data.dateLocale },
        select: { id: true, handle: true, name: true, email: true, createdAt: true },
      });
      await tx.policy.create({ data: { memberId: m.id } });
      await recordAttempt(tx, "signup", ip, true, now);
      await recordAudit(tx, { actorId: m.id, action: "account.created", subjectType: "member", subjectId: m.id, at: now });
      await queueVerification(tx, { member: m, email: m.email, isChange: false, now });
      await promoteIfAdminEmail(tx, m.id, m.email, now); // RAPPORT_ADMIN_EMAIL: the installation's first admin
      return findMe(tx, m.id);
    });
    return member;
  } catch (e) {
    // Two sign-ups racing for the same email or handle: the unique index decides.
    if (isUniqueViolation(e, "email")) throw takenError("email");
    if (isUniqueViolation(e, "handle")) throw takenError("handle");
    throw e;
  }
}

function takenError(field: "email" | "handle"): AppError {
  const message =
    field === "email"
      ? "An account with this email already exists. Sign in instead, or use another email."
      : "This handle is taken. Try another one.";
  return new AppError("already_exists", message, { fields: { [field]: [message] } });
}
