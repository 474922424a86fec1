import "server-only";
import type { Tx } from "@/lib/server/db";

/** The JWT claim holding the member's session version when the cookie was issued. */
export const SESSION_VERSION_CLAIM = "sv";

/** The version a decoded session token carries; tokens from before versions existed carry 0. */
export function sessionVersionOf(token: Record<string, unknown>): number {
  const v = token[SESSION_VERSION_CLAIM];
  return typeof v === "number" && Number.isInteger(v) ? v : 0;
}

export async function currentSessionVersion(db: Tx, memberId: string): Promise<number> {
  const m = await db.member.findUnique({ where: { id: memberId }, select: { sessionVersion: true } });
  return m?.sessionVersion ?? 0;
}
