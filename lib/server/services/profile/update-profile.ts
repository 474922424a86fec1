import "server-only";
import type { Db } from "@/lib/db/create-client";
import { ZProfileUpdate, type TProfileUpdateInput } from "@/lib/validation/member";
import { parseInput } from "@/lib/server/validation";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";

export async function updateProfile(db: Db, { memberId, input }: { memberId: string; input: TProfileUpdateInput }) {
  const data = parseInput(ZProfileUpdate, input, { message: "Please check the highlighted fields." });
  return db.member.update({ where: { id: memberId }, data, select: PROFILE_SELECT });
}
