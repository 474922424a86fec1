import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZProfileUpdate } from "@/lib/validation/member";
import { fieldErrorsOf } from "@/lib/validation/form-data";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";

export async function updateProfile(memberId: string, input: unknown) {
  const parsed = ZProfileUpdate.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "Please check the highlighted fields.", { fields: fieldErrorsOf(parsed.error) });
  const db = await getDb();
  return db.member.update({ where: { id: memberId }, data: parsed.data, select: PROFILE_SELECT });
}
