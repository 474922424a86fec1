import "server-only";
import type { Tx } from "@/lib/server/db";
import { PROFILE_SELECT } from "./profile";

/** A linked account's columns as its owner sees them (the one-time code matters while unverified). */
const LINKED_SELECT = { network: true, handle: true, externalId: true, verifiedAt: true, code: true } as const;

const ME_SELECT = {
  ...PROFILE_SELECT,
  email: true,
  timeZone: true,
  dateLocale: true,
  findInteractions: true,
  linkedAccounts: { select: LINKED_SELECT, orderBy: { network: "asc" } },
} as const;

/**
 * The caller's own account as GET/PATCH /me and sign-up answer it. Writes call it inside their
 * transaction, so their answer is what they stored, read before the commit.
 */
export async function findMe(db: Tx, memberId: string) {
  return db.member.findUniqueOrThrow({ where: { id: memberId }, select: ME_SELECT });
}

export type MeRow = Awaited<ReturnType<typeof findMe>>;
