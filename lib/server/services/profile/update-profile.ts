import "server-only";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZProfileUpdate } from "@/lib/validation/member";
import { fieldErrorsOf } from "@/lib/validation/form-data";

export async function updateProfile(memberId: string, input: unknown) {
  const parsed = ZProfileUpdate.safeParse(input);
  if (!parsed.success) throw new AppError("validation", "Please check the highlighted fields.", { fields: fieldErrorsOf(parsed.error) });
  const db = await getDb();
  return db.member.update({ where: { id: memberId }, data: parsed.data, select: PROFILE_SELECT });
}

export const PROFILE_SELECT = {
  id: true,
  handle: true,
  name: true,
  headline: true,
  bio: true,
  location: true,
  linkX: true,
  linkLinkedin: true,
  linkMastodon: true,
  linkBluesky: true,
  linkGithub: true,
  linkWebsite: true,
  role: true,
  createdAt: true,
} as const;
