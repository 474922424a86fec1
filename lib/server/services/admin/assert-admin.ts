import "server-only";
import type { Tx } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isSuspendedAt } from "@/lib/warmup/suspension";

/**
 * Every admin service checks its actor again, inside its transaction: an action or API route
 * that forgot requireAdmin() still cannot act, and a member demoted or suspended a moment ago
 * cannot either. Admin features do not exist for anyone else, hence "not found".
 */
export async function assertAdmin(tx: Tx, actorId: string, now: Date): Promise<{ id: string; handle: string }> {
  const m = await tx.member.findUnique({
    where: { id: actorId },
    select: { id: true, handle: true, role: true, suspendedAt: true, suspendedUntil: true },
  });
  if (!m || m.role !== "admin" || isSuspendedAt(m, now)) throw new AppError("not_found", "That page could not be found.");
  return { id: m.id, handle: m.handle };
}
