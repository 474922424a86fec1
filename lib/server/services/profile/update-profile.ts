import "server-only";
import type { Tx } from "@/lib/server/db";
import { ZProfileUpdate, type TProfileUpdateInput } from "@/lib/validation/member";
import { parseInput } from "@/lib/server/validation";
import { PROFILE_SELECT } from "@/lib/server/queries/profile";

/** One statement: alone, or inside a caller's transaction (PATCH /me). */
export async function updateProfile(db: Tx, { memberId, input }: { memberId: string; input: TProfileUpdateInput }) {
  const data = parseInput(ZProfileUpdate, input, { message: "Please check the highlighted fields." });
  return db.member.update({ where: { id: memberId }, data, select: PROFILE_SELECT });
}
