import "server-only";
import type { Db } from "@/lib/db/create-client";
import { ZProfileUpdate, type TProfileUpdateInput } from "@/lib/validation/member";
import { parseInput } from "@/lib/server/validation";

export async function updateProfile(db: Db, { memberId, input }: { memberId: string; input: TProfileUpdateInput }) {
  const data = parseInput(ZProfileUpdate, input, { message: "Please check the highlighted fields." });
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
