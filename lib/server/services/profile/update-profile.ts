import "server-only";
import { getDb } from "@/lib/server/db";
import { ZProfileUpdate, type TProfileUpdateInput } from "@/lib/validation/member";
import { parseInput } from "@/lib/server/validation";

export async function updateProfile(memberId: string, input: TProfileUpdateInput) {
  const data = parseInput(ZProfileUpdate, input, { message: "Please check the highlighted fields." });
  const db = await getDb();
  return db.member.update({ where: { id: memberId }, data, select: PROFILE_SELECT });
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
